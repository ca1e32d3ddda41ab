import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { StateCoverage } from '../StateCoverage.js'

function typedUpdates(clientId: number, letters: string): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc()
  doc.clientID = clientId
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  const text = doc.getText('t')
  for (const letter of letters) text.insert(text.length, letter)
  return { doc, updates }
}

describe('StateCoverage', () => {
  it('is complete only once every part of the target state has arrived, in any order', () => {
    const { doc, updates } = typedUpdates(7, 'abcdef')
    const coverage = new StateCoverage(Y.decodeStateVector(Y.encodeStateVector(doc)))
    const [first, ...rest] = updates
    const reversed = rest.reverse()
    for (const update of reversed) {
      coverage.add(update)
      expect(coverage.complete).toBe(false)
    }
    coverage.add(first as Uint8Array)
    expect(coverage.complete).toBe(true)
  })

  it('counts a whole-state update and ignores clients beyond the target', () => {
    const { doc } = typedUpdates(3, 'hello')
    const target = Y.decodeStateVector(Y.encodeStateVector(doc))
    const other = typedUpdates(4, 'x')
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other.doc))
    const coverage = new StateCoverage(target)
    expect(coverage.complete).toBe(false)
    coverage.add(Y.encodeStateAsUpdate(doc))
    expect(coverage.complete).toBe(true)
  })

  it('stays incomplete when the tail of a client is missing', () => {
    const { doc, updates } = typedUpdates(9, 'abc')
    const coverage = new StateCoverage(Y.decodeStateVector(Y.encodeStateVector(doc)))
    for (const update of updates.slice(0, -1)) coverage.add(update)
    expect(coverage.complete).toBe(false)
  })
})
