import { ApiError } from './ApiError.js'

/** The parsed JSON body as an object, or a 400 saying what was sent instead. */
export function readRequestBody(body: unknown): Record<string, unknown> {
  if (body === undefined) {
    throw ApiError.invalidRequest('Request body must be a JSON object sent with Content-Type: application/json')
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw ApiError.invalidRequest('Request body must be a JSON object')
  }
  return body as Record<string, unknown>
}
