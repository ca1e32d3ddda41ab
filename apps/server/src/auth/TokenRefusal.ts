/** Why a token does not sign anyone in. */
export const TokenRefusal = {
  /** No token was sent. */
  Missing: 'missing',
  /** Neither the organizer's token nor any invite's. */
  Unknown: 'unknown',
  /** An invite past its `expiresAt`. */
  Expired: 'expired',
  /** An invite the organizer revoked. */
  Revoked: 'revoked',
} as const

export type TokenRefusal = (typeof TokenRefusal)[keyof typeof TokenRefusal]
