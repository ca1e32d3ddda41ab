import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CollabServer } from '../CollabServer.js'
import { encodeUpdateMessage } from '../messages.js'
import { MemoryDocumentStore } from '../MemoryDocumentStore.js'
import { CloseCode, messageSync } from '../protocol.js'
import { delivered } from './delivered.js'
import { InProcessClient } from './InProcessClient.js'
import { loadStoredDoc } from './loadStoredDoc.js'
import { RawClient } from './RawClient.js'
import { waitUntil } from './waitUntil.js'

const servers: CollabServer[] = []
function startServer(store: MemoryDocumentStore): CollabServer {
  const server = new CollabServer({ store, flushDelayMs: 1 })
  servers.push(server)
  return server
}

afterEach(async () => {
  await Promise.allSettled(servers.splice(0).map((server) => server.destroy()))
})

function startServerWithLimit(store: MemoryDocumentStore, maxMessageBytes: number): CollabServer {
  const server = new CollabServer({ store, flushDelayMs: 1, limits: { maxMessageBytes } })
  servers.push(server)
  return server
}

function syncStep2Message(update: Uint8Array): Uint8Array {
  const message = encodeUpdateMessage(update)
  message[1] = 1 // same layout as an update message, sub-type sync step 2
  expect(message[0]).toBe(messageSync)
  return message
}

describe('updates waiting for structs the document lacks', () => {
  it('stay with the connection that sent them: never integrated in another client’s transaction', async () => {
    const store = new MemoryDocumentStore()
    const server = startServer(store)
    const writer = new InProcessClient(server, 'doc')
    const reader = new InProcessClient(server, 'doc')
    await waitUntil(() => writer.synced && reader.synced, 'both synced')
    writer.doc.getText('body').insert(0, 'hello')
    await waitUntil(() => reader.doc.getText('body').toString() === 'hello', 'the first edit arrived')

    // Another connection guesses the writer's next clocks: it sends an item placed after the writer's
    // *future* characters 5..10, which the server does not have, so Yjs keeps it pending.
    const guessedFuture = new Y.Doc()
    Y.applyUpdate(guessedFuture, Y.encodeStateAsUpdate(writer.doc))
    // After applying (Yjs gives a doc a new client id when it receives its own id from elsewhere).
    guessedFuture.clientID = writer.doc.clientID
    guessedFuture.getText('body').insert(5, ' world')
    const forger = new Y.Doc()
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(guessedFuture))
    forger.getText('body').insert(11, '!!!')
    const dangling = Y.encodeStateAsUpdate(forger, Y.encodeStateVector(guessedFuture))
    const other = new RawClient(server, 'doc')
    await waitUntil(() => other.received.length > 0, 'the other connection was greeted')
    other.receive(encodeUpdateMessage(dangling))
    expect(other.closeCode).toBeNull()
    const plainYjs = new Y.Doc()
    Y.applyUpdate(plainYjs, Y.encodeStateAsUpdate(writer.doc))
    Y.applyUpdate(plainYjs, dangling)
    expect(plainYjs.store.pendingStructs?.missing.get(writer.doc.clientID)).toBe(5)

    // The writer's real characters 5..10 arrive. Were the dangling item integrated now (inside the writer's
    // transaction), the reader would get it and the writer, as the origin, would not: they would diverge.
    writer.doc.getText('body').insert(5, ' there')
    await waitUntil(() => reader.doc.getText('body').toString() === 'hello there', 'the second edit arrived')
    await delivered()
    await server.flush()

    expect(writer.closeCode).toBeNull()
    expect(writer.doc.getText('body').toString()).toBe('hello there')
    expect(reader.doc.getText('body').toString()).toBe('hello there')
    expect((await loadStoredDoc(store, 'doc')).getText('body').toString()).toBe('hello there')
    const newcomer = new InProcessClient(server, 'doc')
    await waitUntil(() => newcomer.synced, 'a newcomer synced')
    expect(newcomer.doc.getText('body').toString()).toBe('hello there')
    expect(newcomer.doc.store.pendingStructs).toBeNull()

    // Nothing of it is stored when the document is compacted and unloaded.
    for (const client of [writer, reader, newcomer]) client.disconnect()
    other.connection.closed()
    await waitUntil(() => server.openDocumentCount === 0, 'the document unloaded')
    const stored = await loadStoredDoc(store, 'doc')
    expect(store.recordCount('doc')).toBe(1)
    expect(stored.getText('body').toString()).toBe('hello there')
    expect(stored.store.pendingStructs).toBeNull()
  })

  it('are integrated once the same connection sends what they wait for (an edit sent before sync step 2)', async () => {
    const store = new MemoryDocumentStore()
    const server = startServer(store)
    const reader = new InProcessClient(server, 'doc')
    await waitUntil(() => reader.synced, 'the reader synced')

    // A stock client reconnecting sends edits as soon as the socket opens, before its sync step 2 carries
    // the offline edits they build on.
    const client = new Y.Doc()
    client.getText('body').insert(0, 'offline')
    const beforeTyping = Y.encodeStateVector(client)
    client.getText('body').insert(7, ' and online')
    const connection = new RawClient(server, 'doc')
    await waitUntil(() => connection.received.length > 0, 'greeted')
    connection.receive(encodeUpdateMessage(Y.encodeStateAsUpdate(client, beforeTyping)))
    await delivered()
    expect(reader.doc.getText('body').toString()).toBe('')

    connection.receive(syncStep2Message(Y.encodeStateAsUpdate(client)))
    await waitUntil(() => reader.doc.getText('body').toString() === 'offline and online', 'both arrived')
    await server.flush()
    expect(connection.closeCode).toBeNull()
    expect((await loadStoredDoc(store, 'doc')).getText('body').toString()).toBe('offline and online')
  })

  it('close a connection (4413) that keeps more than maxMessageBytes of them waiting', async () => {
    const store = new MemoryDocumentStore()
    const server = startServerWithLimit(store, 1000)
    const client = new Y.Doc()
    client.getText('body').insert(0, 'never sent')
    const connection = new RawClient(server, 'doc')
    await waitUntil(() => connection.received.length > 0, 'greeted')
    for (let index = 0; index < 5 && connection.closeCode === null; index++) {
      const before = Y.encodeStateVector(client)
      client.getText('body').insert(0, 'w'.repeat(300))
      connection.receive(encodeUpdateMessage(Y.encodeStateAsUpdate(client, before)))
    }
    expect(connection.closeCode).toBe(CloseCode.MessageTooLarge)
    await server.flush()
    expect(store.recordCount('doc')).toBe(0)
  })
})
