import { describe, expect, it } from 'vitest'
import { applyRoundtableStatus } from '../applyRoundtableStatus'
import type { RoundtableStatus } from '@rapporteur/template'

const status = (id: string, words: number): RoundtableStatus => ({
  id,
  title: `Roundtable ${id}`,
  templateId: 'roundtable-report',
  progress: { templateId: 'roundtable-report', sections: [], quotes: { total: 0, pending: 0, approved: 0, anonymous: 0 }, words, characters: words * 5 },
  ready: null,
  lastEditAt: null,
  present: [],
  lastPresentAt: null,
})

describe('applyRoundtableStatus', () => {
  it('replaces the roundtable with the same id in place', () => {
    const next = applyRoundtableStatus([status('a', 1), status('b', 2)], status('a', 9))
    expect(next.map((roundtable) => [roundtable.id, roundtable.progress.words])).toEqual([
      ['a', 9],
      ['b', 2],
    ])
  })

  it('appends a roundtable it has not seen', () => {
    const next = applyRoundtableStatus([status('a', 1)], status('c', 0))
    expect(next.map((roundtable) => roundtable.id)).toEqual(['a', 'c'])
  })
})
