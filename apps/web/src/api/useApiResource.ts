import { useCallback, useEffect, useState } from 'react'
import { ApiError } from './ApiError'

export type ApiResource<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly data: T }
  | { readonly status: 'error'; readonly error: ApiError }

type Settled<T> = { readonly key: string; readonly resource: ApiResource<T> }

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error
  return new ApiError(0, 'unexpected', error instanceof Error ? error.message : String(error))
}

/**
 * Loads `load()` whenever `key` changes and exposes it as loading / ready / error.
 * `reload()` fetches again (e.g. after creating something).
 */
export function useApiResource<T>(
  key: string,
  load: (signal: AbortSignal) => Promise<T>,
): { readonly resource: ApiResource<T>; readonly reload: () => void } {
  const [generation, setGeneration] = useState(0)
  const [settled, setSettled] = useState<Settled<T> | null>(null)
  const requestKey = `${key}#${generation}`

  useEffect(() => {
    const controller = new AbortController()
    load(controller.signal).then(
      (data) => setSettled({ key: requestKey, resource: { status: 'ready', data } }),
      (error: unknown) => {
        if (controller.signal.aborted) return
        setSettled({ key: requestKey, resource: { status: 'error', error: toApiError(error) } })
      },
    )
    return () => controller.abort()
    // `load` is keyed by `key`: callers pass inline closures, which must not refetch on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestKey])

  const reload = useCallback(() => setGeneration((value) => value + 1), [])
  // Keep showing the previous data of the same key while reloading, so lists do not flash.
  const sameKey = settled !== null && settled.key.startsWith(`${key}#`)
  const resource: ApiResource<T> = settled !== null && (settled.key === requestKey || (sameKey && settled.resource.status === 'ready'))
    ? settled.resource
    : { status: 'loading' }
  return { resource, reload }
}
