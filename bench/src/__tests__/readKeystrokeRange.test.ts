import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { appendCharacterUpdate } from '../load/appendCharacterUpdate.js'
import { readClockRanges, readKeystrokeRange } from '../load/readKeystrokeRange.js'

/** What `Y.parseUpdateMeta` says, in the same shape. */
function parsed(update: Uint8Array): Array<{ client: number; from: number; to: number }> {
  const { from, to } = Y.parseUpdateMeta(update)
  return [...to].map(([client, end]) => ({ client, from: from.get(client) ?? 0, to: end }))
}

function updatesOf(build: (doc: Y.Doc) => void, clientId = 5): Uint8Array[] {
  const doc = new Y.Doc()
  doc.clientID = clientId
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  build(doc)
  return updates
}

describe('readKeystrokeRange', () => {
  it("reads a typist's keystrokes, with large client ids and clocks, as Y.parseUpdateMeta does", () => {
    for (const [client, clock] of [[1, 1], [300, 127], [2 ** 31 - 1, 128], [99_999, 2 ** 40]] as const) {
      const update = appendCharacterUpdate(client, clock, 'k')
      expect(readKeystrokeRange(update)).toEqual(parsed(update)[0])
    }
  })

  it('reads what Y.Text makes typing in the middle of a text (a right origin too)', () => {
    const updates = updatesOf((doc) => {
      const text = doc.getText('t')
      text.insert(0, 'ac')
      text.insert(1, 'b')
    })
    const middle = updates[1] as Uint8Array
    expect(readKeystrokeRange(middle)).not.toBeNull()
    expect(readKeystrokeRange(middle)).toEqual(parsed(middle)[0])
  })

  it('leaves to Y.parseUpdateMeta what is not one ASCII run after an origin', () => {
    const updates = updatesOf((doc) => {
      const text = doc.getText('t')
      text.insert(0, 'first') // no origin: parent info instead
      text.insert(5, '€') // not ASCII
      text.delete(0, 1) // a delete set
      doc.getXmlFragment('f').insert(0, [new Y.XmlElement('paragraph')]) // not a string
    })
    for (const update of [...updates, Y.mergeUpdates(updates)]) {
      expect(readKeystrokeRange(update)).toBeNull()
      expect(readClockRanges(update)).toEqual(parsed(update))
    }
    const twoClients = Y.mergeUpdates([appendCharacterUpdate(1, 4, 'a'), appendCharacterUpdate(2, 9, 'b')])
    expect(readKeystrokeRange(twoClients)).toBeNull()
    expect(readClockRanges(twoClients)).toEqual(parsed(twoClients))
    expect(readKeystrokeRange(new Uint8Array([1, 1, 0x80]))).toBeNull()
  })
})
