import { describe, expect, it } from 'vitest'
import { matchRoute } from '../matchRoute'

describe('matchRoute', () => {
  it('knows the invite page (its token is in the fragment, not the path)', () => {
    expect(matchRoute('/invite')).toEqual({ name: 'invite' })
  })

  it('parses events and reports', () => {
    expect(matchRoute('/')).toEqual({ name: 'events' })
    expect(matchRoute('/events/abc')).toEqual({ name: 'event', eventId: 'abc' })
    expect(matchRoute('/events/abc/dashboard')).toEqual({ name: 'dashboard', eventId: 'abc' })
    expect(matchRoute('/events/abc/sections/quotes')).toEqual({ name: 'section-across', eventId: 'abc', sectionId: 'quotes' })
    expect(matchRoute('/events/abc/sections/gcm-relevance/')).toEqual({ name: 'section-across', eventId: 'abc', sectionId: 'gcm-relevance' })
    expect(matchRoute('/report/r1')).toEqual({ name: 'report', roundtableId: 'r1' })
    expect(matchRoute('/nope')).toEqual({ name: 'not-found', path: '/nope' })
  })
})
