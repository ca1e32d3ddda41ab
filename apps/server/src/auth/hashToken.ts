import { createHash } from 'node:crypto'

/** The SHA-256 of a token as lower-case hex: what the server stores and compares instead of the token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}
