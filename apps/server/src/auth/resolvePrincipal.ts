import { timingSafeEqual } from 'node:crypto'
import { hashToken } from './hashToken.js'
import type { InviteRecord } from './InviteRecord.js'
import type { Principal } from './Principal.js'
import { Role } from './Role.js'
import { TokenRefusal } from './TokenRefusal.js'

/** What tokens are checked against. */
export interface PrincipalSources {
  /** SHA-256 hex of the organizer's token. */
  readonly organizerTokenHash: string
  /** Looks an invite up by the SHA-256 hex of its token (`SqliteInvites.findByTokenHash`). */
  readonly findInvite: (tokenHash: string) => InviteRecord | undefined
  /** Default `() => new Date()`. */
  readonly now?: () => Date
}

export type PrincipalResolution =
  | { readonly principal: Principal; readonly refusal?: undefined }
  | { readonly principal?: undefined; readonly refusal: TokenRefusal }

/**
 * Whom a token stands for. The organizer's token is recognized by comparing SHA-256 hashes in constant time;
 * an invite by looking up its hash. Expired and revoked invites are refused, saying so.
 */
export function resolvePrincipal(token: string | null | undefined, sources: PrincipalSources): PrincipalResolution {
  if (token === null || token === undefined || token === '') return { refusal: TokenRefusal.Missing }
  const tokenHash = hashToken(token)
  if (timingSafeEqual(Buffer.from(tokenHash, 'hex'), Buffer.from(sources.organizerTokenHash, 'hex'))) {
    return { principal: { role: Role.Organizer } }
  }
  const invite = sources.findInvite(tokenHash)
  if (invite === undefined) return { refusal: TokenRefusal.Unknown }
  if (invite.revokedAt !== null) return { refusal: TokenRefusal.Revoked }
  const now = sources.now?.() ?? new Date()
  if (Date.parse(invite.expiresAt) <= now.getTime()) return { refusal: TokenRefusal.Expired }
  return {
    principal: {
      role: invite.role,
      eventId: invite.eventId,
      ...(invite.roundtableId === null ? {} : { roundtableId: invite.roundtableId }),
      inviteId: invite.id,
      expiresAt: invite.expiresAt,
    },
  }
}
