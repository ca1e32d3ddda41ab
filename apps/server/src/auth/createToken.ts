import { randomBytes } from 'node:crypto'

/** Prefixes saying what a token is, so a leaked one is recognizable (e.g. by secret scanners). */
export const TokenPrefix = {
  Organizer: 'rpo_',
  Invite: 'rpi_',
} as const

export type TokenPrefix = (typeof TokenPrefix)[keyof typeof TokenPrefix]

const TOKEN_BYTES = 32

/** A new unguessable token: the prefix, then 32 random bytes as base64url (256 bits). */
export function createToken(prefix: TokenPrefix): string {
  return `${prefix}${randomBytes(TOKEN_BYTES).toString('base64url')}`
}
