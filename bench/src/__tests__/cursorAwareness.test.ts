import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import { cursorAwareness } from '../load/cursorAwareness.js'

describe('cursorAwareness', () => {
  it('encodes one client state whose cursor follows the clock given, as encodeAwarenessUpdate lays it out', () => {
    const update = cursorAwareness(42, 'Typist 42', 'summary')(3, 1_234)
    const decoder = decoding.createDecoder(update)
    expect(decoding.readVarUint(decoder)).toBe(1)
    expect(decoding.readVarUint(decoder)).toBe(42)
    expect(decoding.readVarUint(decoder)).toBe(3)
    const state = JSON.parse(decoding.readVarString(decoder)) as Record<string, unknown>
    const position = { type: null, tname: null, item: { client: 42, clock: 1_234 }, assoc: 0 }
    expect(state).toEqual({
      user: { name: 'Typist 42', color: '#3366cc' },
      role: 'rapporteur',
      section: 'summary',
      cursor: { anchor: position, head: position },
    })
    expect(decoding.hasContent(decoder)).toBe(false)
  })
})
