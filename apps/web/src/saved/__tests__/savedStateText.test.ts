import { describe, expect, it } from 'vitest'
import { savedStateText } from '../savedStateText'

describe('savedStateText', () => {
  it('words each state', () => {
    expect(savedStateText({ kind: 'saved', pending: 0 })).toBe('All changes saved')
    expect(savedStateText({ kind: 'unsaved', pending: 1 })).toBe('1 change not saved yet')
    expect(savedStateText({ kind: 'unsaved', pending: 3 })).toBe('3 changes not saved yet')
    expect(savedStateText({ kind: 'failing', pending: 3 })).toBe(
      'Saving is failing on the server — your changes are kept on this device',
    )
  })
})
