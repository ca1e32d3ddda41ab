import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { TokenPrefix, createToken } from '../createToken.js'
import { hashToken } from '../hashToken.js'

describe('tokens', () => {
  it('are the prefix and 32 random bytes as base64url, never the same twice', () => {
    const tokens = new Set(Array.from({ length: 200 }, () => createToken(TokenPrefix.Invite)))
    expect(tokens.size).toBe(200)
    for (const token of tokens) {
      expect(token).toMatch(/^rpi_[A-Za-z0-9_-]{43}$/)
      expect(Buffer.from(token.slice(4), 'base64url')).toHaveLength(32)
    }
    expect(createToken(TokenPrefix.Organizer)).toMatch(/^rpo_[A-Za-z0-9_-]{43}$/)
  })

  it('are stored as their SHA-256 hex', () => {
    const token = createToken(TokenPrefix.Invite)
    expect(hashToken(token)).toBe(createHash('sha256').update(token).digest('hex'))
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/)
    expect(hashToken(`${token}x`)).not.toBe(hashToken(token))
  })
})
