import type { InviteRecord } from '../auth/InviteRecord.js'

/** An invite as the API lists it: everything but the token (which is never kept) and its hash. */
export interface InviteJson {
  id: string
  role: string
  eventId: string
  roundtableId: string | null
  label: string | null
  expiresAt: string
  createdAt: string
  revokedAt: string | null
}

/** A just-created invite: its token and sign-in URL, shown this once. */
export interface CreatedInviteJson extends Omit<InviteJson, 'revokedAt'> {
  token: string
  url: string
}

export function inviteJson(invite: InviteRecord): InviteJson {
  return {
    id: invite.id,
    role: invite.role,
    eventId: invite.eventId,
    roundtableId: invite.roundtableId,
    label: invite.label,
    expiresAt: invite.expiresAt,
    createdAt: invite.createdAt,
    revokedAt: invite.revokedAt,
  }
}

export function createdInviteJson(invite: InviteRecord, token: string, url: string): CreatedInviteJson {
  const { id, revokedAt: _revokedAt, ...listed } = inviteJson(invite)
  return { id, token, url, ...listed }
}
