import { describe, expect, it } from 'vitest'
import { hashToken } from '../hashToken.js'
import type { InviteRecord } from '../InviteRecord.js'
import { resolvePrincipal, type PrincipalSources } from '../resolvePrincipal.js'

const organizerToken = 'rpo_organizer-token-for-tests-000000'
const invite: InviteRecord = {
  id: 'invite000001',
  role: 'rapporteur',
  eventId: 'event0000001',
  roundtableId: 'roundtable01',
  label: null,
  createdAt: '2030-01-01T00:00:00.000Z',
  expiresAt: '2030-01-10T00:00:00.000Z',
  revokedAt: null,
}
const chairInvite: InviteRecord = { ...invite, id: 'invite000002', role: 'chair', roundtableId: null }
const invites = new Map<string, InviteRecord>([
  [hashToken('rpi_rapporteur'), invite],
  [hashToken('rpi_chair'), chairInvite],
  [hashToken('rpi_revoked'), { ...invite, id: 'invite000003', revokedAt: '2030-01-02T00:00:00.000Z' }],
])

function sources(now: string): PrincipalSources {
  return {
    organizerTokenHash: hashToken(organizerToken),
    findInvite: (tokenHash) => invites.get(tokenHash),
    now: () => new Date(now),
  }
}

describe('resolvePrincipal', () => {
  const before = sources('2030-01-05T00:00:00.000Z')

  it('recognizes the organizer token, and nothing close to it', () => {
    expect(resolvePrincipal(organizerToken, before)).toEqual({ principal: { role: 'organizer' } })
    expect(resolvePrincipal(`${organizerToken} `, before)).toEqual({ refusal: 'unknown' })
    expect(resolvePrincipal(organizerToken.slice(0, -1), before)).toEqual({ refusal: 'unknown' })
  })

  it('signs invites in with their role and scope', () => {
    expect(resolvePrincipal('rpi_rapporteur', before)).toEqual({
      principal: {
        role: 'rapporteur',
        eventId: 'event0000001',
        roundtableId: 'roundtable01',
        inviteId: 'invite000001',
        expiresAt: '2030-01-10T00:00:00.000Z',
      },
    })
    expect(resolvePrincipal('rpi_chair', before)).toEqual({
      principal: { role: 'chair', eventId: 'event0000001', inviteId: 'invite000002', expiresAt: '2030-01-10T00:00:00.000Z' },
    })
  })

  it('refuses missing, unknown, revoked and expired tokens, saying which', () => {
    expect(resolvePrincipal(undefined, before)).toEqual({ refusal: 'missing' })
    expect(resolvePrincipal(null, before)).toEqual({ refusal: 'missing' })
    expect(resolvePrincipal('', before)).toEqual({ refusal: 'missing' })
    expect(resolvePrincipal('rpi_nobody', before)).toEqual({ refusal: 'unknown' })
    expect(resolvePrincipal('rpi_revoked', before)).toEqual({ refusal: 'revoked' })
    expect(resolvePrincipal('rpi_rapporteur', sources('2030-01-10T00:00:00.000Z'))).toEqual({ refusal: 'expired' })
    expect(resolvePrincipal('rpi_revoked', sources('2030-02-01T00:00:00.000Z'))).toEqual({ refusal: 'revoked' })
  })
})
