import { ApiError } from './ApiError.js'

export const MAX_VERSION_NAME_LENGTH = 200

/** The trimmed `name` field of a new version: a string of 1 to 200 characters. */
export function readVersionName(body: Record<string, unknown>): string {
  const value = body.name
  if (typeof value !== 'string') {
    throw ApiError.invalidRequest(`name must be a string of 1 to ${MAX_VERSION_NAME_LENGTH} characters`)
  }
  const name = value.trim()
  const length = [...name].length
  if (length === 0) throw ApiError.invalidRequest('name must not be empty')
  if (length > MAX_VERSION_NAME_LENGTH) {
    throw ApiError.invalidRequest(`name must be at most ${MAX_VERSION_NAME_LENGTH} characters, got ${length}`)
  }
  return name
}
