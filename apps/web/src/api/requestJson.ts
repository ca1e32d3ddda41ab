import { readAuthToken } from '../session/authTokenStore'
import { ApiError } from './ApiError'

interface ErrorBody {
  readonly error?: { readonly code?: unknown; readonly message?: unknown }
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'DELETE'
  readonly body?: unknown
  readonly signal?: AbortSignal
  /** Sent instead of the stored token (the invite page checks a token before storing it). */
  readonly token?: string
}

async function readErrorBody(response: Response): Promise<ApiError> {
  let body: ErrorBody = {}
  try {
    body = (await response.json()) as ErrorBody
  } catch {
    // Not JSON (e.g. a proxy error page): fall back to the status line.
  }
  const code = typeof body.error?.code === 'string' ? body.error.code : 'http_error'
  const message =
    typeof body.error?.message === 'string' ? body.error.message : `${response.status} ${response.statusText}`
  return new ApiError(response.status, code, message)
}

function requestHeaders(options: RequestOptions): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  const token = options.token ?? readAuthToken()
  if (token) headers['authorization'] = `Bearer ${token}`
  return headers
}

/**
 * Sends a JSON request to the Rapporteur API with the signed-in token and returns the parsed body
 * (undefined for 204), or throws an `ApiError`.
 */
export async function requestJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers: requestHeaders(options),
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiError(0, 'network_error', 'The server could not be reached.')
  }
  if (!response.ok) throw await readErrorBody(response)
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}
