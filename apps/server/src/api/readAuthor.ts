import type { Principal } from '../auth/Principal.js'
import { ApiError } from './ApiError.js'

export const MAX_AUTHOR_LENGTH = 100

const ROLE_NAMES: Record<Principal['role'], string> = {
  organizer: 'Organizer',
  rapporteur: 'Rapporteur',
  chair: 'Chair',
  viewer: 'Viewer',
}

/**
 * Who takes a version: the optional `author` field (the display name the page asks for, 1 to 100 characters),
 * else the name of the caller's role.
 */
export function readAuthor(body: Record<string, unknown>, principal: Principal): string {
  const value = body.author
  if (value === undefined || value === null) return ROLE_NAMES[principal.role]
  if (typeof value !== 'string') throw ApiError.invalidRequest(`author must be a string of at most ${MAX_AUTHOR_LENGTH} characters`)
  const author = value.trim()
  const length = [...author].length
  if (length > MAX_AUTHOR_LENGTH) {
    throw ApiError.invalidRequest(`author must be at most ${MAX_AUTHOR_LENGTH} characters, got ${length}`)
  }
  return length === 0 ? ROLE_NAMES[principal.role] : author
}
