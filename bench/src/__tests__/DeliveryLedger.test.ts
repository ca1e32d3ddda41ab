import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createReceiver, DeliveryLedger } from '../load/DeliveryLedger.js'

/** A doc of client `clientId` and the updates of `count` one-letter keystrokes it types. */
function typeLetters(clientId: number, count: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc()
  doc.clientID = clientId
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  const text = doc.getText('t')
  for (let index = 0; index < count; index += 1) text.insert(index, 'a')
  return { doc, updates }
}

describe('DeliveryLedger', () => {
  it('stamps each keystroke once per receiver, also when updates arrive merged or twice', () => {
    const ledger = new DeliveryLedger()
    const { updates } = typeLetters(7, 3)
    for (let clock = 0; clock < 3; clock += 1) ledger.recordSend(7, clock, 0, 2)
    const editor = createReceiver('editor', 8)
    const chair = createReceiver('observer')
    for (const update of updates) ledger.recordUpdate(editor, update, 5)
    ledger.recordUpdate(editor, Y.mergeUpdates(updates), 6)
    ledger.recordUpdate(chair, Y.mergeUpdates(updates), 9)
    expect(ledger.delivered).toBe(6)
    expect(ledger.missing).toBe(0)
    expect(ledger.editors.count).toBe(3)
    expect(ledger.observers.count).toBe(3)
    expect(ledger.observers.max).toBe(9)
  })

  it('does not count a keystroke echoed back to its own typist, and reports what never arrived', () => {
    const ledger = new DeliveryLedger()
    const { updates } = typeLetters(3, 2)
    ledger.recordSend(3, 0, 0, 1)
    ledger.recordSend(3, 1, 0, 1)
    ledger.recordUpdate(createReceiver('editor', 3), Y.mergeUpdates(updates), 1)
    expect(ledger.delivered).toBe(0)
    ledger.recordUpdate(createReceiver('editor', 4), updates[0] as Uint8Array, 1)
    expect(ledger.delivered).toBe(1)
    expect(ledger.missing).toBe(1)
  })
})
