const STORAGE_KEY = 'rapporteur.token'
const CHANGE_EVENT = 'rapporteur:token'

/** Used when localStorage is unavailable (e.g. blocked): the sign-in then lasts for this page only. */
let tokenInMemory: string | null = null

/** The token of the last invite link opened on this device, or null when nobody signed in. */
export function readAuthToken(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? tokenInMemory
  } catch {
    return tokenInMemory
  }
}

/** Remembers `token` (or forgets it, with null) and tells every subscriber in this tab. */
export function saveAuthToken(token: string | null): void {
  tokenInMemory = token
  try {
    if (token === null) localStorage.removeItem(STORAGE_KEY)
    else localStorage.setItem(STORAGE_KEY, token)
  } catch {
    // Keep `tokenInMemory` only.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT))
}

/** Calls `onChange` when the token changes here or in another tab of the same site. */
export function subscribeAuthToken(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY || event.key === null) onChange()
  }
  window.addEventListener(CHANGE_EVENT, onChange)
  window.addEventListener('storage', onStorage)
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange)
    window.removeEventListener('storage', onStorage)
  }
}
