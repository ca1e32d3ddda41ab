import { useMemo, useSyncExternalStore } from 'react'
import type { LocalUser } from './LocalUser'
import { readDisplayName, subscribeDisplayName } from './displayNameStore'
import { userColor } from './userColor'

/** The remembered local user, or null until a display name was given. */
export function useLocalUser(): LocalUser | null {
  const name = useSyncExternalStore(subscribeDisplayName, readDisplayName)
  return useMemo(() => (name ? { name, color: userColor(name) } : null), [name])
}
