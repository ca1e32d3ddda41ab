import type { Invite } from '../api/types'

export type InviteStatus = 'active' | 'expired' | 'revoked'

/** Whether an invite link still signs people in at `now`; revocation wins over expiry. */
export function inviteStatus(invite: Pick<Invite, 'expiresAt' | 'revokedAt'>, now: Date): InviteStatus {
  if (invite.revokedAt) return 'revoked'
  const expires = Date.parse(invite.expiresAt)
  return Number.isFinite(expires) && expires <= now.getTime() ? 'expired' : 'active'
}
