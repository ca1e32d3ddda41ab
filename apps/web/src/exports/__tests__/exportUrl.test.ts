import { describe, expect, it } from 'vitest'
import { exportUrl } from '../exportUrl'

describe('exportUrl', () => {
  it('points at the roundtable export with the format and the encoded token', () => {
    expect(exportUrl({ kind: 'roundtable', id: 'abc123' }, 'md', 'a+b/c=d')).toBe(
      '/api/roundtables/abc123/export?format=md&token=a%2Bb%2Fc%3Dd',
    )
  })

  it('points at the event export for the compiled report', () => {
    expect(exportUrl({ kind: 'event', id: 'ev1' }, 'html', 'tok')).toBe('/api/events/ev1/export?format=html&token=tok')
  })

  it('leaves the token out when nobody signed in', () => {
    expect(exportUrl({ kind: 'event', id: 'ev1' }, 'docx', null)).toBe('/api/events/ev1/export?format=docx')
  })
})
