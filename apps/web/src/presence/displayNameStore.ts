const STORAGE_KEY = 'rapporteur.displayName'
const CHANGE_EVENT = 'rapporteur:display-name'

/** Longest display name accepted; longer input is cut. */
export const MAX_DISPLAY_NAME_LENGTH = 60

/** Used when localStorage is unavailable (e.g. blocked): the name then lasts for this page only. */
let nameInMemory = ''

export function normalizeDisplayName(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().slice(0, MAX_DISPLAY_NAME_LENGTH)
}

/** The remembered display name, or '' when the person has not given one yet. */
export function readDisplayName(): string {
  try {
    return normalizeDisplayName(localStorage.getItem(STORAGE_KEY) ?? '') || nameInMemory
  } catch {
    return nameInMemory
  }
}

export function saveDisplayName(name: string): void {
  nameInMemory = normalizeDisplayName(name)
  try {
    if (nameInMemory) localStorage.setItem(STORAGE_KEY, nameInMemory)
    else localStorage.removeItem(STORAGE_KEY)
  } catch {
    // Keep `nameInMemory` only.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT))
}

export function subscribeDisplayName(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) onChange()
  }
  window.addEventListener(CHANGE_EVENT, onChange)
  window.addEventListener('storage', onStorage)
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange)
    window.removeEventListener('storage', onStorage)
  }
}

/**
 * Takes `?name=` from the URL: it is remembered like a typed-in name and removed from the
 * address bar, so a copied link does not carry the sender's name along.
 */
export function adoptNameFromUrl(): void {
  const url = new URL(location.href)
  const fromUrl = normalizeDisplayName(url.searchParams.get('name') ?? '')
  if (!fromUrl) return
  saveDisplayName(fromUrl)
  url.searchParams.delete('name')
  history.replaceState(history.state, '', url.pathname + url.search + url.hash)
}
