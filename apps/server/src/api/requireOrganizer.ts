import { isOrganizer } from '../auth/isOrganizer.js'
import type { Principal } from '../auth/Principal.js'
import { ApiError } from './ApiError.js'

/** Throws 403 `forbidden` unless the principal is the organizer. */
export function requireOrganizer(principal: Principal): void {
  if (!isOrganizer(principal)) throw ApiError.forbidden('Only the organizer may do this')
}
