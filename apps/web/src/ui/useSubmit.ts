import { useState } from 'react'
import { ApiError } from '../api/ApiError'

/** Runs a form's async submit once at a time and keeps its error for display. */
export function useSubmit() {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)

  const run = async (action: () => Promise<void>) => {
    if (pending) return
    setPending(true)
    setError(null)
    try {
      await action()
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, 'unexpected', String(caught)))
    } finally {
      setPending(false)
    }
  }

  return { pending, error, run }
}
