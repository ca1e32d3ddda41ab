import { ApiError } from './ApiError.js'
import { readDateTime } from './readDateTime.js'

/** How long after the event's closing an invite lasts by default. */
export const DEFAULT_INVITE_DAYS_AFTER_CLOSING = 7

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The optional `expiresAt` of a new invite: an ISO date-time in the future; by default the event's
 * `closingAt` plus 7 days (refused when that is already past, so no invite is born expired).
 */
export function readExpiresAt(body: Record<string, unknown>, closingAt: string, now: Date): string {
  if (body.expiresAt === undefined) {
    const expiresAt = new Date(Date.parse(closingAt) + DEFAULT_INVITE_DAYS_AFTER_CLOSING * DAY_MS)
    if (expiresAt <= now) {
      throw ApiError.invalidRequest(
        `The event closed more than ${DEFAULT_INVITE_DAYS_AFTER_CLOSING} days ago: give an expiresAt in the future`,
      )
    }
    return expiresAt.toISOString()
  }
  const expiresAt = readDateTime(body.expiresAt, 'expiresAt')
  if (Date.parse(expiresAt) <= now.getTime()) {
    throw ApiError.invalidRequest(`expiresAt must be in the future, got ${JSON.stringify(body.expiresAt)}`)
  }
  return expiresAt
}
