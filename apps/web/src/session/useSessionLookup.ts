import type { ApiError } from '../api/ApiError'
import { rapporteurApi } from '../api/rapporteurApi'
import { useApiResource } from '../api/useApiResource'
import type { Session } from './Session'

export type SessionLookup =
  | { readonly status: 'signed-out' }
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly session: Session }
  | { readonly status: 'error'; readonly error: ApiError; readonly retry: () => void }

/** Asks the server who `token` signs in as, again whenever the token changes. */
export function useSessionLookup(token: string | null): SessionLookup {
  const { resource, reload } = useApiResource(`session:${token ?? ''}`, (signal) =>
    token === null ? Promise.resolve(null) : rapporteurApi.getSession(signal, token),
  )
  if (token === null) return { status: 'signed-out' }
  if (resource.status === 'loading') return { status: 'loading' }
  if (resource.status === 'error') return { status: 'error', error: resource.error, retry: reload }
  if (resource.data === null) return { status: 'loading' }
  return { status: 'ready', session: resource.data }
}
