import { ApiError } from '../api/ApiError'

const storageKey = (path: string) => `rapporteur.offline.${path}`

interface StoredResponse {
  /** The token the response was for: another sign-in must not see it. */
  readonly token: string
  readonly body: unknown
}

/**
 * Loads `path` with `load` and keeps the last successful body in localStorage; when the server cannot be reached
 * (offline), answers with that last copy instead, so the report page renders offline from what it saw last.
 */
export async function withOfflineCopy<T>(path: string, token: string | null, load: () => Promise<T>): Promise<T> {
  try {
    const body = await load()
    if (token !== null) remember(path, { token, body })
    return body
  } catch (error) {
    const stored = error instanceof ApiError && error.code === 'network_error' ? recall(path) : null
    if (stored === null || stored.token !== token) throw error
    return stored.body as T
  }
}

function remember(path: string, response: StoredResponse): void {
  try {
    localStorage.setItem(storageKey(path), JSON.stringify(response))
  } catch {
    // Storage full or blocked: the page then needs the network to open.
  }
}

function recall(path: string): StoredResponse | null {
  try {
    const parsed = JSON.parse(localStorage.getItem(storageKey(path)) ?? 'null') as StoredResponse | null
    return parsed !== null && typeof parsed.token === 'string' ? parsed : null
  } catch {
    return null
  }
}
