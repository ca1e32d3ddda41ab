import { useSyncExternalStore } from 'react'
import { readAuthToken, subscribeAuthToken } from './authTokenStore'

/** The stored sign-in token, live: null until an invite link was opened (or after signing out). */
export function useAuthToken(): string | null {
  return useSyncExternalStore(subscribeAuthToken, readAuthToken)
}
