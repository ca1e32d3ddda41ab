import { describe, expect, it } from 'vitest'
import { canEditReports } from '../Session'
import { signInDestination } from '../signInDestination'

describe('signInDestination', () => {
  it('sends rapporteurs and viewers to their report', () => {
    expect(signInDestination({ role: 'rapporteur', eventId: 'e1', roundtableId: 'r1' })).toBe('/report/r1')
    expect(signInDestination({ role: 'viewer', eventId: 'e1', roundtableId: 'r2' })).toBe('/report/r2')
  })

  it('sends the chair to the event dashboard and the organizer to all events', () => {
    expect(signInDestination({ role: 'chair', eventId: 'e1' })).toBe('/events/e1/dashboard')
    expect(signInDestination({ role: 'organizer' })).toBe('/')
  })
})

describe('canEditReports', () => {
  it('lets organizers and rapporteurs write, and no one else', () => {
    expect(canEditReports('organizer')).toBe(true)
    expect(canEditReports('rapporteur')).toBe(true)
    expect(canEditReports('chair')).toBe(false)
    expect(canEditReports('viewer')).toBe(false)
  })
})
