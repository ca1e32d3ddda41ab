import { ApiError } from './ApiError'

interface ErrorBody {
  readonly error?: { readonly code?: unknown; readonly message?: unknown }
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

/** Sends a JSON request to the Rapporteur API and returns the parsed body, or throws an `ApiError`. */
export async function requestJson<T>(
  path: string,
  init: { readonly method?: 'GET' | 'POST'; readonly body?: unknown; readonly signal?: AbortSignal } = {},
): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      headers: init.body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
      body: init.body === undefined ? null : JSON.stringify(init.body),
      signal: init.signal ?? null,
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiError(0, 'network_error', 'The server could not be reached.')
  }
  if (!response.ok) throw await readErrorBody(response)
  return (await response.json()) as T
}
