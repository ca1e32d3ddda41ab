import { describe, expect, it } from 'vitest'
import { mapCaretThroughEdit } from '../mapCaretThroughEdit'

describe('mapCaretThroughEdit', () => {
  it('keeps the caret when text after it changes', () => {
    expect(mapCaretThroughEdit('Roundtable', 'Roundtable 3', 5)).toBe(5)
  })

  it('shifts the caret by what was inserted before it', () => {
    expect(mapCaretThroughEdit('table', 'Roundtable', 3)).toBe(8)
  })

  it('shifts the caret back by what was deleted before it', () => {
    expect(mapCaretThroughEdit('Roundtable', 'table', 8)).toBe(3)
  })

  it('puts a caret inside replaced text after the replacement', () => {
    expect(mapCaretThroughEdit('abcdef', 'abXYef', 3)).toBe(4)
  })

  it('keeps a caret at the end at the end', () => {
    expect(mapCaretThroughEdit('Amina', 'Amina, Jo', 5)).toBe(5)
    expect(mapCaretThroughEdit('Jo', 'Amina, Jo', 2)).toBe(9)
  })
})
