import { useCallback, useEffect, useState } from 'react'
import { ApiError } from '../api/ApiError'
import { rapporteurApi } from '../api/rapporteurApi'
import type { SectionAcross } from '../api/types'

/** How often the section is fetched again, so the closing session sees the reports as they are written. */
export const SECTION_REFRESH_MS = 5_000

export interface SectionAcrossState {
  readonly data: SectionAcross | null
  readonly error: ApiError | null
  /** Time (ms) of the last successful fetch. */
  readonly fetchedAt: number | null
  readonly loading: boolean
  /** Fetches again now. */
  readonly refresh: () => void
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  return new ApiError(0, 'unexpected', error instanceof Error ? error.message : String(error))
}

/**
 * One section across every roundtable, fetched on mount, every `SECTION_REFRESH_MS` and on `refresh()`. The
 * previous answer stays shown while the next one loads; a failed refresh keeps it and reports the error.
 */
export function useSectionAcross(eventId: string, sectionId: string): SectionAcrossState {
  const [data, setData] = useState<SectionAcross | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [fetchedAt, setFetchedAt] = useState<number | null>(null)
  const [generation, setGeneration] = useState(0)
  const [settled, setSettled] = useState(-1)

  useEffect(() => {
    const controller = new AbortController()
    rapporteurApi.getSectionAcross(eventId, sectionId, controller.signal).then(
      (answer) => {
        setData(answer)
        setError(null)
        setFetchedAt(Date.now())
        setSettled(generation)
      },
      (failure: unknown) => {
        if (controller.signal.aborted) return
        setError(toApiError(failure))
        setSettled(generation)
      },
    )
    const timer = setTimeout(() => setGeneration((value) => value + 1), SECTION_REFRESH_MS)
    return () => {
      controller.abort()
      clearTimeout(timer)
    }
  }, [eventId, sectionId, generation])

  const refresh = useCallback(() => setGeneration((value) => value + 1), [])
  const current = data !== null && data.section.id === sectionId ? data : null
  return { data: current, error, fetchedAt, loading: settled !== generation, refresh }
}
