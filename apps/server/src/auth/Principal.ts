import type { Role } from './Role.js'

/**
 * Whom a token stands for, with its scope. The organizer has no ids; a chair has `eventId`; a rapporteur
 * or viewer has `eventId` and `roundtableId`. Invite principals carry the invite's id and expiry.
 */
export interface Principal {
  readonly role: Role
  readonly eventId?: string
  readonly roundtableId?: string
  readonly inviteId?: string
  /** ISO time the invite expires. */
  readonly expiresAt?: string
}
