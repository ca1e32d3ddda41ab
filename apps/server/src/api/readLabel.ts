import { ApiError } from './ApiError.js'

export const MAX_LABEL_LENGTH = 100

/** The optional, trimmed `label` of an invite (e.g. who it is for): up to 100 characters; `null` when absent or blank. */
export function readLabel(body: Record<string, unknown>): string | null {
  const value = body.label
  if (value === undefined || value === null) return null
  if (typeof value !== 'string') throw ApiError.invalidRequest(`label must be a string of at most ${MAX_LABEL_LENGTH} characters`)
  const label = value.trim()
  const length = [...label].length
  if (length > MAX_LABEL_LENGTH) {
    throw ApiError.invalidRequest(`label must be at most ${MAX_LABEL_LENGTH} characters, got ${length}`)
  }
  return label === '' ? null : label
}
