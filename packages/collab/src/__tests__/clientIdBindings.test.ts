import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CollabServer } from '../CollabServer.js'
import type { CollabSocket } from '../CollabSocket.js'
import type { ConnectionOptions } from '../Connection.js'
import { encodeSyncStep2UpdateMessage, encodeUpdateMessage } from '../messages.js'
import { MemoryDocumentStore } from '../MemoryDocumentStore.js'
import { CloseCode } from '../protocol.js'
import { InProcessClient } from './InProcessClient.js'
import { loadStoredDoc } from './loadStoredDoc.js'
import { RawClient } from './RawClient.js'
import { RecordingLogger } from './RecordingLogger.js'
import { waitUntil } from './waitUntil.js'

const servers: CollabServer[] = []
function startServer(): { server: CollabServer; store: MemoryDocumentStore; logger: RecordingLogger } {
  const store = new MemoryDocumentStore()
  const logger = new RecordingLogger()
  const server = new CollabServer({ store, logger, flushDelayMs: 1 })
  servers.push(server)
  return { server, store, logger }
}

afterEach(async () => {
  await Promise.allSettled(servers.splice(0).map((server) => server.destroy()))
})

/** An update inserting `text` at the start of `body`, made on a copy of `source` under `source`'s client id. */
function forgedInsert(source: Y.Doc, text: string): Uint8Array {
  const forger = new Y.Doc()
  Y.applyUpdate(forger, Y.encodeStateAsUpdate(source))
  forger.clientID = source.clientID
  const before = Y.encodeStateVector(forger)
  forger.getText('body').insert(0, text)
  return Y.encodeStateAsUpdate(forger, before)
}

async function typed(client: InProcessClient, text: string): Promise<void> {
  const body = client.doc.getText('body')
  body.insert(body.length, text)
}

/** A connection whose socket says it is closing once `closing` is set. */
function connectWithSocket(server: CollabServer, options: ConnectionOptions = {}) {
  const state = { closing: false, closeCode: null as number | null }
  const socket: CollabSocket = {
    send: () => undefined,
    close: (code) => {
      state.closeCode = code
    },
    get closing() {
      return state.closing
    },
  }
  return { connection: server.handleConnection(socket, 'doc', undefined, options), state }
}

describe('client ids bound to connections', () => {
  it('refuses (4409) an update creating structs under a live writer’s client id; nothing applied or stored', async () => {
    const { server, store, logger } = startServer()
    const victim = new InProcessClient(server, 'doc')
    const watcher = new InProcessClient(server, 'doc')
    await waitUntil(() => victim.synced && watcher.synced, 'both synced')
    await typed(victim, 'hello')
    await waitUntil(() => watcher.doc.getText('body').toString() === 'hello', 'the watcher got the text')

    const attacker = new RawClient(server, 'doc')
    attacker.receive(encodeUpdateMessage(forgedInsert(victim.doc, 'FORGED ')))
    expect(attacker.closeCode).toBe(CloseCode.ClientIdTaken)
    // As a sync step 2 too.
    const second = new RawClient(server, 'doc')
    second.receive(encodeSyncStep2UpdateMessage(forgedInsert(victim.doc, 'FORGED ')))
    expect(second.closeCode).toBe(CloseCode.ClientIdTaken)
    expect(logger.at('warn').some((line) => line.fields.clientId === victim.doc.clientID)).toBe(true)

    // Re-sending what the server holds is fine (a peer's sync step 2).
    const peer = new RawClient(server, 'doc')
    peer.receive(encodeSyncStep2UpdateMessage(Y.encodeStateAsUpdate(victim.doc)))
    expect(peer.closeCode).toBeNull()

    await typed(victim, ' world')
    await waitUntil(() => watcher.doc.getText('body').toString() === 'hello world', 'the watcher got more')
    await server.flush()
    const stored = await loadStoredDoc(store, 'doc')
    expect(stored.getText('body').toString()).toBe('hello world')
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(victim.doc))
    expect(victim.closeCode).toBeNull()
  })

  it('releases a client id when its connection closes, or once its socket is closing', async () => {
    const { server, store } = startServer()
    const author = new Y.Doc()
    author.getText('body').insert(0, 'one')
    const owner = connectWithSocket(server)
    owner.connection.receive(encodeUpdateMessage(Y.encodeStateAsUpdate(author)))
    await server.flush()

    const other = connectWithSocket(server)
    other.connection.receive(encodeUpdateMessage(forgedInsert(author, 'x')))
    expect(other.state.closeCode).toBe(CloseCode.ClientIdTaken)

    owner.state.closing = true
    const reconnected = connectWithSocket(server)
    const two = forgedInsert(author, 'two ')
    reconnected.connection.receive(encodeUpdateMessage(two))
    Y.applyUpdate(author, two)
    expect(reconnected.state.closeCode).toBeNull()
    owner.connection.closed()

    // Now bound to `reconnected`; once it closed, anyone may continue the id.
    reconnected.connection.closed()
    const later = connectWithSocket(server)
    later.connection.receive(encodeUpdateMessage(forgedInsert(author, 'three ')))
    expect(later.state.closeCode).toBeNull()
    await server.flush()
    expect((await loadStoredDoc(store, 'doc')).getText('body').toString()).toBe('three two one')
  })

  it('lets a connection of the same limitKey take the id over (a tab reconnecting before its old socket closed)', async () => {
    const { server } = startServer()
    const author = new Y.Doc()
    author.getText('body').insert(0, 'one')
    const old = connectWithSocket(server, { limitKey: 'invite-1' })
    old.connection.receive(encodeUpdateMessage(Y.encodeStateAsUpdate(author)))
    await server.flush()
    const stranger = connectWithSocket(server, { limitKey: 'invite-2' })
    stranger.connection.receive(encodeUpdateMessage(forgedInsert(author, 'x')))
    expect(stranger.state.closeCode).toBe(CloseCode.ClientIdTaken)
    const fresh = connectWithSocket(server, { limitKey: 'invite-1' })
    fresh.connection.receive(encodeSyncStep2UpdateMessage(forgedInsert(author, 'offline ')))
    expect(fresh.state.closeCode).toBeNull()
    expect(old.state.closeCode).toBeNull()
  })

  it('accepts a peer re-sending structs of a live owner that the server lacks but the owner already sent (crash recovery)', async () => {
    const { server, store } = startServer()
    const author = new Y.Doc()
    author.getText('body').insert(0, 'hello')
    const lost = Y.encodeStateAsUpdate(author)
    const before = Y.encodeStateVector(author)
    author.getText('body').insert(5, '!')
    const next = Y.encodeStateAsUpdate(author, before)
    // The owner's live edit builds on structs the (restarted) server lost: it waits, pending.
    const owner = new RawClient(server, 'doc')
    owner.receive(encodeUpdateMessage(next))
    await server.flush()
    // A peer that holds them re-sends them in its sync step 2, before the owner's own sync step 2 does.
    const peer = new RawClient(server, 'doc')
    peer.receive(encodeSyncStep2UpdateMessage(lost))
    expect(peer.closeCode).toBeNull()
    // Past what the owner sent it is a forgery again.
    const forger = new RawClient(server, 'doc')
    forger.receive(encodeSyncStep2UpdateMessage(forgedInsert(author, 'x')))
    expect(forger.closeCode).toBe(CloseCode.ClientIdTaken)
    owner.receive(encodeSyncStep2UpdateMessage(Y.encodeStateAsUpdate(author)))
    expect(owner.closeCode).toBeNull()
    await server.flush()
    expect((await loadStoredDoc(store, 'doc')).getText('body').toString()).toBe('hello!')
  })

  it('binds nothing by forwarding: a sync step 2, or an update of several clients', async () => {
    const { server } = startServer()
    const a = new Y.Doc()
    a.getText('body').insert(0, 'a')
    const b = new Y.Doc()
    b.getText('other').insert(0, 'b')
    const forwarder = new RawClient(server, 'doc')
    await server.flush()
    forwarder.receive(encodeSyncStep2UpdateMessage(Y.encodeStateAsUpdate(a)))
    forwarder.receive(encodeUpdateMessage(Y.mergeUpdates([forgedInsert(a, 'x'), Y.encodeStateAsUpdate(b)])))
    Y.applyUpdate(a, forgedInsert(a, 'x'))
    const author = new RawClient(server, 'doc')
    author.receive(encodeUpdateMessage(forgedInsert(a, 'y')))
    author.receive(encodeUpdateMessage(forgedInsert(b, 'z')))
    expect(author.closeCode).toBeNull()
    expect(forwarder.closeCode).toBeNull()
  })
})
