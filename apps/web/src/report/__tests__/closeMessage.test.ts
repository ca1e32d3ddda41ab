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

  it('asks to reload when another connection took the page’s client id', () => {
    expect(closeMessage(CloseCode.ClientIdTaken, '').title).toContain('this page’s identity')
    expect(closeMessage(4409, '').detail).toContain('Reload the page')
  })

  it('says an outdated page must reload and that its unsent changes are not saved', () => {
    const message = closeMessage(CloseCode.ClientOutdated, 'client outdated')
    expect(message.title).toBe('This page is an older version of Rapporteur')
    expect(message.detail).toContain('reload the page')
    expect(message.detail).toContain('unsent changes')
  })

  it('keeps the server’s reason for a code it does not know', () => {
    expect(closeMessage(4499, 'Something new').detail).toContain('Something new')
  })
})
