import { describe, expect, it } from 'vitest'
import { readPresence } from '../readPresence.js'

describe('readPresence', () => {
  it('reads name, colour, role and section from awareness states, by client id; skips states without a name', () => {
    const states = new Map<number, unknown>([
      [9, { user: { name: 'Bo', color: '#00f' }, role: 'chair', section: null }],
      [3, { user: { name: 'Amina', color: '#d33' }, role: 'rapporteur', section: 'summary', cursor: { anchor: 1 } }],
      [5, { cursor: null }],
      [7, { user: { name: 42 } }],
      [8, null],
    ])
    expect(readPresence({ getStates: () => states })).toEqual([
      { clientId: 3, name: 'Amina', color: '#d33', role: 'rapporteur', section: 'summary' },
      { clientId: 9, name: 'Bo', color: '#00f', role: 'chair', section: null },
    ])
  })

  it('bounds what a client can make the feed carry', () => {
    const states = new Map<number, unknown>([[1, { user: { name: 'x'.repeat(10_000), color: 5 }, role: ['a'], section: 's'.repeat(500) }]])
    const [person] = readPresence({ getStates: () => states })
    expect(person?.name).toHaveLength(120)
    expect(person?.section).toHaveLength(120)
    expect(person?.color).toBe('')
    expect(person?.role).toBeNull()
  })
})
