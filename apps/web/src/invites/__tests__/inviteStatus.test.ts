import { describe, expect, it } from 'vitest'
import { inviteStatus } from '../inviteStatus'

const now = new Date('2030-06-01T12:00:00Z')

describe('inviteStatus', () => {
  it('is active before it expires', () => {
    expect(inviteStatus({ expiresAt: '2030-06-08T12:00:00Z', revokedAt: null }, now)).toBe('active')
  })

  it('is expired from its expiry on', () => {
    expect(inviteStatus({ expiresAt: '2030-06-01T12:00:00Z', revokedAt: null }, now)).toBe('expired')
  })

  it('is revoked once revoked, even when also expired', () => {
    expect(inviteStatus({ expiresAt: '2030-05-01T12:00:00Z', revokedAt: '2030-04-01T12:00:00Z' }, now)).toBe('revoked')
  })
})
