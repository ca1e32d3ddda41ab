import type { InviteRole } from './Role.js'

/** An invite link as stored: never its token, only the token's hash (which is never handed out either). */
export interface InviteRecord {
  readonly id: string
  readonly role: InviteRole
  readonly eventId: string
  /** The roundtable of a rapporteur or viewer invite; `null` for a chair invite (scoped to the event). */
  readonly roundtableId: string | null
  readonly label: string | null
  readonly createdAt: string
  readonly expiresAt: string
  readonly revokedAt: string | null
}
