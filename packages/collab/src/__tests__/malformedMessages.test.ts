import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CollabServer } from '../CollabServer.js'
import { encodeAwarenessMessage, encodeUpdateMessage } from '../messages.js'
import { MemoryDocumentStore } from '../MemoryDocumentStore.js'
import { CloseCode, messageAwareness, messageSync } from '../protocol.js'
import { delivered } from './delivered.js'
import { InProcessClient } from './InProcessClient.js'
import { loadStoredDoc } from './loadStoredDoc.js'
import { RawClient } from './RawClient.js'
import { RecordingLogger } from './RecordingLogger.js'
import { waitUntil } from './waitUntil.js'

const syncStep1 = 0
const syncStep2 = 1
const syncUpdate = 2

function frame(...parts: (number | Uint8Array)[]): Uint8Array {
  const encoder = encoding.createEncoder()
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeUint8(encoder, part)
    else encoding.writeUint8Array(encoder, part)
  }
  return encoding.toUint8Array(encoder)
}

/** An update whose struct section is fine but whose delete set is cut short. */
function updateWithTruncatedDeleteSet(): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('body').insert(0, 'abcdef')
  doc.getText('body').delete(1, 2)
  const update = Y.encodeStateAsUpdate(doc)
  return update.slice(0, update.length - 1)
}

/**
 * An update that decodes but fails while being integrated: client 1000 inserts 'partial' (integrated first:
 * Yjs takes the highest client first), then client 5 inserts an item whose origin is its own clock 3, which
 * does not exist yet.
 */
function updateFailingHalfWay(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 2) // clients
  encoding.writeVarUint(encoder, 1) // structs of client 1000
  encoding.writeVarUint(encoder, 1000)
  encoding.writeVarUint(encoder, 0) // clock
  encoding.writeUint8(encoder, 4) // string content, no origins: parent info follows
  encoding.writeVarUint(encoder, 1) // parent is a root type...
  encoding.writeVarString(encoder, 'body') // ...named 'body'
  encoding.writeVarString(encoder, 'partial')
  encoding.writeVarUint(encoder, 1) // structs of client 5
  encoding.writeVarUint(encoder, 5)
  encoding.writeVarUint(encoder, 0) // clock
  encoding.writeUint8(encoder, 4 | 0x80) // string content with an origin
  encoding.writeVarUint(encoder, 5) // origin client: its own...
  encoding.writeVarUint(encoder, 3) // ...clock 3, after this item
  encoding.writeVarString(encoder, 'forward')
  encoding.writeVarUint(encoder, 0) // empty delete set
  return encoding.toUint8Array(encoder)
}

function awarenessUpdate(states: [number, unknown][]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, states.length)
  for (const [clientId, state] of states) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarString(encoder, JSON.stringify(state))
  }
  return encoding.toUint8Array(encoder)
}

/** A fixed pseudo-random byte string (so failures replay). */
function noise(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length)
  let state = seed
  for (let index = 0; index < length; index++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    bytes[index] = state >>> 24
  }
  return bytes
}

const truncatedAwareness = awarenessUpdate([
  [111, { user: { name: 'first' } }],
  [222, { user: { name: 'second' } }],
])

const malformed: [string, Uint8Array][] = [
  ['an empty message', new Uint8Array(0)],
  ['random bytes', noise(64, 7)],
  ['more random bytes', noise(300, 42)],
  ['a truncated varint', frame(0x80)],
  ['a varint too large for a number', frame(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f)],
  ['an unknown message type', frame(77)],
  ['an unknown two-byte message type', frame(0x84, 0x01)],
  ['a sync message without sub-type', frame(messageSync)],
  ['an unknown sync sub-type', frame(messageSync, 9, 1, 0)],
  ['an update without its length', frame(messageSync, syncUpdate)],
  ['an update longer than the message', frame(messageSync, syncUpdate, 200, 1, 2)],
  ['an update that does not decode', frame(messageSync, syncUpdate, 4, 1, 1, 0xff, 0xff)],
  ['a sync step 2 that does not decode', frame(messageSync, syncStep2, 3, 9, 9, 9)],
  ['a sync step 1 with a broken state vector', frame(messageSync, syncStep1, 3, 5, 0xff, 0xff)],
  ['an update with a truncated delete set', encodeUpdateMessage(updateWithTruncatedDeleteSet())],
  ['an update that would fail half-way through integrating', encodeUpdateMessage(updateFailingHalfWay())],
  ['an awareness update that does not decode', frame(messageAwareness, 3, 1, 2, 3)],
  [
    'an awareness update cut after its first state',
    frame(messageAwareness, truncatedAwareness.length - 3, truncatedAwareness.slice(0, -3)),
  ],
  ['an awareness state that is not JSON', frame(messageAwareness, 6, 1, 9, 1, 2, 0x7b, 0x7b)],
]

const servers: CollabServer[] = []
afterEach(async () => {
  await Promise.allSettled(servers.splice(0).map((server) => server.destroy()))
})

describe('malformed messages', () => {
  it('the crafted updates really would fail after integrating part of themselves', () => {
    for (const update of [updateWithTruncatedDeleteSet(), updateFailingHalfWay()]) {
      const scratch = new Y.Doc()
      expect(() => Y.applyUpdate(scratch, update)).toThrow()
      expect(scratch.getText('body').length).toBeGreaterThan(0)
    }
  })

  it.each(malformed)('%s closes only the sender (4400), applies and stores nothing', async (_name, message) => {
    const store = new MemoryDocumentStore()
    const logger = new RecordingLogger()
    const server = new CollabServer({ store, logger, flushDelayMs: 1 })
    servers.push(server)
    const good = new InProcessClient(server, 'doc')
    await waitUntil(() => good.synced, 'the good client synced')
    good.doc.getText('body').insert(0, 'good')
    await delivered()
    await server.flush()
    const recordsBefore = store.recordCount('doc')
    const bad = new RawClient(server, 'doc')
    await waitUntil(() => bad.received.length > 0, 'the bad client was greeted')
    const receivedBefore = good.received.length

    expect(() => bad.receive(message)).not.toThrow()
    expect(bad.closeCode).toBe(CloseCode.MessageInvalid)
    expect(() => bad.receive(encodeUpdateMessage(Y.encodeStateAsUpdate(new Y.Doc())))).not.toThrow()
    await delivered()
    await server.flush()

    expect(good.closeCode).toBeNull()
    expect(good.received.length).toBe(receivedBefore)
    expect(store.recordCount('doc')).toBe(recordsBefore)
    expect((await loadStoredDoc(store, 'doc')).getText('body').toString()).toBe('good')
    expect(logger.at('warn')).toEqual([
      expect.objectContaining({ message: expect.stringContaining('malformed') as string }),
    ])
    expect(logger.at('error')).toEqual([])

    // The document is unharmed: a newcomer sees only the good content and no stray presence; edits still flow.
    const newcomer = new InProcessClient(server, 'doc')
    await waitUntil(() => newcomer.synced, 'a newcomer synced')
    expect(newcomer.doc.getText('body').toString()).toBe('good')
    expect([...newcomer.awareness.getStates().keys()]).toEqual([newcomer.doc.clientID])
    good.doc.getText('body').insert(4, '!')
    await waitUntil(() => newcomer.doc.getText('body').toString() === 'good!', 'a later edit arrived')
  })

  it('lets a well-formed awareness update from a raw client through to the others', async () => {
    const server = new CollabServer({ store: new MemoryDocumentStore(), flushDelayMs: 1 })
    servers.push(server)
    const watcher = new InProcessClient(server, 'doc')
    await waitUntil(() => watcher.synced, 'synced')
    const sender = new RawClient(server, 'doc')
    const awareness = new awarenessProtocol.Awareness(new Y.Doc())
    awareness.setLocalState({ user: { name: 'Raw' } })
    sender.receive(encodeAwarenessMessage(awareness, [awareness.clientID]))
    await waitUntil(() => watcher.awareness.getStates().has(awareness.clientID), 'the state arrived')
    expect(sender.closeCode).toBeNull()
    awareness.destroy()
  })
})
