import { describe, expect, it } from 'vitest'
import { describeFlag } from '../describeFlag'

const titles = new Map([
  ['summary', '1. Summary'],
  ['challenges', '2. Challenges'],
])

describe('describeFlag', () => {
  it('names the empty sections and the sections with long bullets', () => {
    expect(describeFlag({ kind: 'empty-sections', sectionIds: ['summary', 'challenges'] }, titles, 25)).toBe(
      'Still empty: 1. Summary, 2. Challenges',
    )
    expect(describeFlag({ kind: 'long-bullets', sectionIds: ['challenges'], count: 1 }, titles, 25)).toBe(
      '1 bullet over 25 words in 2. Challenges',
    )
  })

  it('counts pending quotes and says how long no rapporteur was there', () => {
    expect(describeFlag({ kind: 'pending-quotes', count: 2 }, titles, 25)).toBe('2 quotes still wait for consent')
    expect(describeFlag({ kind: 'no-rapporteur', minutes: 14 }, titles, 25)).toBe('No rapporteur for 14 min')
    expect(describeFlag({ kind: 'no-rapporteur', minutes: null }, titles, 25)).toBe('No rapporteur has joined yet')
  })
})
