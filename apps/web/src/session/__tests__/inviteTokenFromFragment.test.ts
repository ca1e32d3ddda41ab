import { describe, expect, it } from 'vitest'
import { inviteTokenFromFragment } from '../inviteTokenFromFragment'

describe('inviteTokenFromFragment', () => {
  it('reads the token after the #', () => {
    expect(inviteTokenFromFragment('#rpi_AbC-123_xyz')).toBe('rpi_AbC-123_xyz')
  })

  it('decodes a percent-encoded token and trims what mail clients append', () => {
    expect(inviteTokenFromFragment('#rpo_a%2Bb%3D%20')).toBe('rpo_a+b=')
  })

  it('returns null when the fragment is missing, blank or broken', () => {
    expect(inviteTokenFromFragment('')).toBeNull()
    expect(inviteTokenFromFragment('#')).toBeNull()
    expect(inviteTokenFromFragment('#two words')).toBeNull()
    expect(inviteTokenFromFragment('#%E0%A4%A')).toBeNull()
  })
})
