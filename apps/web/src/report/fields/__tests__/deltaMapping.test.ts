import { describe, expect, it } from 'vitest'
import { diffFieldEdit } from '../diffFieldEdit'
import { mapIndexThroughDelta } from '../mapIndexThroughDelta'
import { mapRangeThroughDelta } from '../mapRangeThroughDelta'

describe('mapIndexThroughDelta', () => {
  it('shifts an index by what was inserted or deleted before it', () => {
    expect(mapIndexThroughDelta([{ insert: 'abc' }], 2)).toBe(5)
    expect(mapIndexThroughDelta([{ retain: 1 }, { delete: 2 }], 5)).toBe(3)
    expect(mapIndexThroughDelta([{ retain: 6 }, { insert: 'x' }], 5)).toBe(5)
  })

  it('moves with an insert at the index only when asked', () => {
    expect(mapIndexThroughDelta([{ retain: 2 }, { insert: 'xy' }], 2)).toBe(2)
    expect(mapIndexThroughDelta([{ retain: 2 }, { insert: 'xy' }], 2, true)).toBe(4)
  })

  it('puts an index inside deleted text where the deletion was', () => {
    expect(mapIndexThroughDelta([{ retain: 2 }, { delete: 5 }], 4)).toBe(2)
  })
})

describe('mapRangeThroughDelta', () => {
  it('leaves out what was inserted inside the range', () => {
    expect(mapRangeThroughDelta([{ retain: 5 }, { insert: 'X' }], [4, 7])).toEqual([
      [4, 5],
      [6, 8],
    ])
  })

  it('drops what was deleted and joins what became adjacent', () => {
    expect(mapRangeThroughDelta([{ retain: 5 }, { delete: 1 }], [4, 7])).toEqual([[4, 6]])
    expect(mapRangeThroughDelta([{ delete: 10 }], [4, 7])).toEqual([])
  })
})

describe('diffFieldEdit', () => {
  it('places a typed letter at the caret, where the text alone is ambiguous', () => {
    expect(diffFieldEdit('aa', 'aaa', 2)).toEqual({ index: 1, removed: 0, inserted: 'a' })
    expect(diffFieldEdit('aa', 'a', 0)).toEqual({ index: 0, removed: 1, inserted: '' })
  })

  it('finds a replaced selection', () => {
    expect(diffFieldEdit('one two three', 'one 2 three', 5)).toEqual({ index: 4, removed: 3, inserted: '2' })
  })

  it('never cuts a surrogate pair', () => {
    expect(diffFieldEdit('a😀', 'a😃', 3)).toEqual({ index: 1, removed: 2, inserted: '😃' })
  })

  it('is null when nothing changed', () => {
    expect(diffFieldEdit('same', 'same', 2)).toBeNull()
  })
})
