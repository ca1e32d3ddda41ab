import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CollabServer } from '../CollabServer.js'
import { messageDurability } from '../protocol.js'
import { ControlledWriteStore } from './ControlledWriteStore.js'
import { delivered } from './delivered.js'
import { durabilityMessages, savedCovers } from './durabilityMessages.js'
import { InProcessClient } from './InProcessClient.js'
import { loadStoredDoc } from './loadStoredDoc.js'
import { RecordingLogger } from './RecordingLogger.js'
import { waitUntil } from './waitUntil.js'

const servers: CollabServer[] = []
function startServer(store: ControlledWriteStore, logger = new RecordingLogger()): CollabServer {
  const server = new CollabServer({ store, logger, flushDelayMs: 1 })
  servers.push(server)
  return server
}

afterEach(async () => {
  await Promise.allSettled(servers.splice(0).map((server) => server.destroy()))
})

function type(client: InProcessClient, text: string): number {
  const body = client.doc.getText('body')
  body.insert(body.length, text)
  return Y.getState(client.doc.store, client.doc.clientID)
}

function outerType(data: Uint8Array): number {
  return decoding.readVarUint(decoding.createDecoder(data))
}

describe('durable acknowledgements (durableAcks)', () => {
  it('sends SAVED right after sync step 1, with what is stored already', async () => {
    const store = new ControlledWriteStore()
    const earlier = new Y.Doc()
    earlier.getText('body').insert(0, 'stored before')
    await store.inner.append('doc', Y.encodeStateAsUpdate(earlier))
    const server = startServer(store)
    const client = new InProcessClient(server, 'doc', { durableAcks: true })
    // Synced once it has the stored state, which comes before the document is built; SAVED follows the load.
    await waitUntil(() => client.synced && client.received.length >= 3, 'the client synced and got SAVED')

    // Sync step 1, the stored state sent before the document was built (sync step 2), then SAVED at once.
    expect(client.received.slice(0, 3).map((data) => outerType(data))).toEqual([0, 0, messageDurability])
    expect(durabilityMessages(client.received)[0]).toEqual({
      kind: 'saved',
      stateVector: new Map([[earlier.clientID, 'stored before'.length]]),
    })
  })

  it('sends SAVED covering an edit only after the store resolved the write', async () => {
    const store = new ControlledWriteStore()
    const server = startServer(store)
    const writer = new InProcessClient(server, 'doc', { durableAcks: true })
    await waitUntil(() => writer.synced, 'the writer synced')
    store.holdWrites()

    const clock = type(writer, 'hello')
    await waitUntil(() => store.writeCalls > 0, 'the write started')
    for (let round = 0; round < 5; round++) await delivered()
    expect(savedCovers(writer.received, writer.doc.clientID, clock)).toBe(false)

    store.releaseWrites()
    await waitUntil(() => savedCovers(writer.received, writer.doc.clientID, clock), 'SAVED covers the edit')
    expect((await loadStoredDoc(store, 'doc')).getText('body').toString()).toBe('hello')
  })

  it('coalesces: one SAVED per write, none when nothing new became durable', async () => {
    const store = new ControlledWriteStore()
    const server = startServer(store)
    const writer = new InProcessClient(server, 'doc', { durableAcks: true })
    await waitUntil(() => writer.synced, 'the writer synced')
    store.holdWrites()
    type(writer, 'a')
    await waitUntil(() => store.writeCalls === 1, 'the first write started')
    // Typed while the first write runs: stored together by the next write.
    let clock = 0
    for (const letter of 'bcdef') clock = type(writer, letter)
    await delivered()
    store.releaseWrites()
    await waitUntil(() => savedCovers(writer.received, writer.doc.clientID, clock), 'SAVED covers every letter')
    await server.flush()
    await delivered()
    const saved = durabilityMessages(writer.received).filter((message) => message.kind === 'saved')
    // The one after sync step 1, then one per write.
    expect(saved).toHaveLength(3)
  })

  it('sends STORAGE_FAILING while writes fail, keeps relaying, and SAVED after recovery without a new edit', async () => {
    const logger = new RecordingLogger()
    const store = new ControlledWriteStore()
    const server = startServer(store, logger)
    const writer = new InProcessClient(server, 'doc', { durableAcks: true })
    const reader = new InProcessClient(server, 'doc')
    await waitUntil(() => writer.synced && reader.synced, 'both synced')
    store.failWrites = true

    const clock = type(writer, 'kept while failing')
    await waitUntil(() => reader.doc.getText('body').toString() === 'kept while failing', 'the reader got the edit')
    await waitUntil(
      () => durabilityMessages(writer.received).some((message) => message.kind === 'failing'),
      'STORAGE_FAILING arrived',
    )
    await waitUntil(() => store.writeCalls >= 3, 'persistence retried by itself')
    expect(savedCovers(writer.received, writer.doc.clientID, clock)).toBe(false)
    expect(durabilityMessages(writer.received).filter((message) => message.kind === 'failing')).toHaveLength(1)
    expect(logger.at('error').some((line) => line.message.startsWith('Could not store document updates'))).toBe(true)

    // A connection joining while storage fails learns it at once.
    const late = new InProcessClient(server, 'doc', { durableAcks: true })
    await waitUntil(() => late.synced, 'the late client synced')
    expect(durabilityMessages(late.received).map((message) => message.kind)).toEqual(['saved', 'failing'])

    store.failWrites = false
    await waitUntil(() => savedCovers(writer.received, writer.doc.clientID, clock), 'SAVED after recovery')
    await waitUntil(() => savedCovers(late.received, writer.doc.clientID, clock), 'the late client got SAVED too')
    expect((await loadStoredDoc(store, 'doc')).getText('body').toString()).toBe('kept while failing')
    expect(reader.received.some((data) => outerType(data) === messageDurability)).toBe(false)
  })

  it('never sends message type 100 to a client that did not ask', async () => {
    const store = new ControlledWriteStore()
    const server = startServer(store)
    const plain = new InProcessClient(server, 'doc')
    await waitUntil(() => plain.synced, 'the client synced')
    store.failWrites = true
    type(plain, 'x')
    await waitUntil(() => store.writeCalls >= 2, 'writes failed')
    store.failWrites = false
    type(plain, 'y')
    await server.flush()
    await delivered()
    expect(plain.received.length).toBeGreaterThan(0)
    expect(plain.received.some((data) => outerType(data) === messageDurability)).toBe(false)
  })
})
