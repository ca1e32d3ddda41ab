import { describe, expect, it } from 'vitest'
import { CloseCode } from '@rapporteur/collab'
import { closeMessage } from '../closeMessage'

describe('closeMessage', () => {
  it('says plainly that an invite was revoked', () => {
    expect(closeMessage(CloseCode.AccessRevoked, 'access revoked').title).toBe('Your invite was revoked')
  })

  it('tells apart an invalid token and a token for another report', () => {
    expect(closeMessage(4401, '').title).toContain('no longer valid')
    expect(closeMessage(4403, '').title).toContain('don’t have access')
  })

  it('keeps the server’s reason for a code it does not know', () => {
    expect(closeMessage(4499, 'Something new').detail).toContain('Something new')
  })
})
