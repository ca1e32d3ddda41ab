import { ApiError } from './ApiError.js'

export const MAX_TITLE_LENGTH = 200

/** The trimmed `title` field: a string of 1 to 200 characters. */
export function readTitle(body: Record<string, unknown>): string {
  const value = body.title
  if (typeof value !== 'string') {
    throw ApiError.invalidRequest(`title must be a string of 1 to ${MAX_TITLE_LENGTH} characters`)
  }
  const title = value.trim()
  const length = [...title].length
  if (length === 0) throw ApiError.invalidRequest('title must not be empty')
  if (length > MAX_TITLE_LENGTH) {
    throw ApiError.invalidRequest(`title must be at most ${MAX_TITLE_LENGTH} characters, got ${length}`)
  }
  return title
}
