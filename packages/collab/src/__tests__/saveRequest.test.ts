import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CollabServer } from '../CollabServer.js'
import { encodeSaveRequestMessage } from '../messages.js'
import { messageDurability } from '../protocol.js'
import { ControlledWriteStore } from './ControlledWriteStore.js'
import { delivered } from './delivered.js'
import { durabilityMessages, savedCovers, savedThroughSeqs } from './durabilityMessages.js'
import { InProcessClient } from './InProcessClient.js'
import { loadStoredDoc } from './loadStoredDoc.js'
import { waitUntil } from './waitUntil.js'

const servers: CollabServer[] = []
function startServer(store: ControlledWriteStore): CollabServer {
  const server = new CollabServer({ store, flushDelayMs: 1 })
  servers.push(server)
  return server
}

afterEach(async () => {
  await Promise.allSettled(servers.splice(0).map((server) => server.destroy()))
})

function outerType(data: Uint8Array): number {
  return decoding.readVarUint(decoding.createDecoder(data))
}

/** A durable client that typed `text` and saw it acknowledged by SAVED. */
async function writerWithSavedText(server: CollabServer, text: string): Promise<InProcessClient> {
  const writer = new InProcessClient(server, 'doc', { durableAcks: true })
  await waitUntil(() => writer.synced, 'the writer synced')
  writer.doc.getText('body').insert(0, text)
  const clock = Y.getState(writer.doc.store, writer.doc.clientID)
  await waitUntil(() => savedCovers(writer.received, writer.doc.clientID, clock), 'SAVED covers the text')
  return writer
}

describe('SAVE_REQUEST / SAVED_THROUGH', () => {
  it('answers a request after a delete-only update only once the store released the write', async () => {
    const store = new ControlledWriteStore()
    const server = startServer(store)
    const writer = await writerWithSavedText(server, 'hello world')
    const clockBefore = Y.getState(writer.doc.store, writer.doc.clientID)
    const writesBefore = store.writeCalls
    store.holdWrites()

    writer.doc.getText('body').delete(5, 6)
    expect(Y.getState(writer.doc.store, writer.doc.clientID)).toBe(clockBefore)
    writer.send(encodeSaveRequestMessage(7))
    await waitUntil(() => store.writeCalls > writesBefore, 'the write started')
    for (let round = 0; round < 5; round++) await delivered()
    expect(savedThroughSeqs(writer.received)).toEqual([])

    store.releaseWrites()
    await waitUntil(() => savedThroughSeqs(writer.received).length > 0, 'SAVED_THROUGH arrived')
    expect(savedThroughSeqs(writer.received)).toEqual([7])
    expect((await loadStoredDoc(store, 'doc')).getText('body').toString()).toBe('hello')
  })

  it('answers at once when everything is durable already', async () => {
    const store = new ControlledWriteStore()
    const server = startServer(store)
    const writer = await writerWithSavedText(server, 'hello')
    writer.send(encodeSaveRequestMessage(1))
    await waitUntil(() => savedThroughSeqs(writer.received).length > 0, 'SAVED_THROUGH arrived')
    expect(savedThroughSeqs(writer.received)).toEqual([1])
  })

  it('sends no SAVED_THROUGH while storage fails, and sends it after recovery', async () => {
    const store = new ControlledWriteStore()
    const server = startServer(store)
    const writer = await writerWithSavedText(server, 'hello world')
    store.failWrites = true

    writer.doc.getText('body').delete(0, 6)
    writer.send(encodeSaveRequestMessage(3))
    await waitUntil(
      () => durabilityMessages(writer.received).some((message) => message.kind === 'failing'),
      'STORAGE_FAILING arrived',
    )
    const writesAtFailure = store.writeCalls
    await waitUntil(() => store.writeCalls > writesAtFailure, 'the persistence retried')
    expect(savedThroughSeqs(writer.received)).toEqual([])

    store.failWrites = false
    await waitUntil(() => savedThroughSeqs(writer.received).length > 0, 'SAVED_THROUGH after recovery')
    expect(savedThroughSeqs(writer.received)).toEqual([3])
    expect((await loadStoredDoc(store, 'doc')).getText('body').toString()).toBe('world')
  })

  it('ignores a request from a connection without durableAcks, keeping it open', async () => {
    const store = new ControlledWriteStore()
    const server = startServer(store)
    const plain = new InProcessClient(server, 'doc')
    await waitUntil(() => plain.synced, 'the client synced')
    plain.doc.getText('body').insert(0, 'x')
    plain.send(encodeSaveRequestMessage(1))
    await server.flush()
    for (let round = 0; round < 5; round++) await delivered()
    expect(plain.received.some((data) => outerType(data) === messageDurability)).toBe(false)
    expect(plain.closeCode).toBeNull()
    expect(plain.connection.isOpen).toBe(true)
  })

  it('never answers a connection that closed before its request was durable', async () => {
    const store = new ControlledWriteStore()
    const server = startServer(store)
    const writer = await writerWithSavedText(server, 'hello world')
    const reader = new InProcessClient(server, 'doc', { durableAcks: true })
    await waitUntil(() => reader.synced, 'the reader synced')
    store.holdWrites()
    writer.doc.getText('body').delete(0, 6)
    writer.send(encodeSaveRequestMessage(2))
    const writesBefore = store.writeCalls
    await waitUntil(() => store.writeCalls > writesBefore, 'the write started')
    const received = writer.received.length
    writer.connection.closed()
    store.releaseWrites()
    await server.flush()
    for (let round = 0; round < 5; round++) await delivered()
    expect(writer.received.slice(received).map(outerType)).not.toContain(messageDurability)
  })
})
