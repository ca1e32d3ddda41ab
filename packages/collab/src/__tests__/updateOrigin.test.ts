import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CollabServer } from '../CollabServer.js'
import { Connection } from '../Connection.js'
import { MemoryDocumentStore } from '../MemoryDocumentStore.js'
import { RoomLifecycle } from '../RoomLifecycle.js'
import { isUpdateOrigin, SERVER_ORIGIN, type ChangeOrigin, type UpdateOrigin } from '../UpdateOrigin.js'
import { InProcessClient } from './InProcessClient.js'
import { RecordingLogger } from './RecordingLogger.js'
import { waitUntil } from './waitUntil.js'

const servers: CollabServer[] = []
afterEach(async () => {
  await Promise.allSettled(servers.splice(0).map((server) => server.destroy()))
})

/** An update that inserts `text` into the `body` text of a scratch document. */
function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('body').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

describe('updates from elsewhere: one entry with a named origin', () => {
  it('applies an update of another instance to the open document: every client receives it, hooks hear the origin', async () => {
    const origins: ChangeOrigin[] = []
    const updates: Array<{ origin: ChangeOrigin; update: Uint8Array }> = []
    const store = new MemoryDocumentStore()
    const server = new CollabServer({
      store,
      flushDelayMs: 1,
      hooks: {
        onDocumentChange: (_name, _doc, origin) => origins.push(origin),
        onDocumentUpdate: (_name, update, origin) => updates.push({ origin, update }),
      },
    })
    servers.push(server)
    const first = new InProcessClient(server, 'doc', {}, 'first')
    const second = new InProcessClient(server, 'doc', {}, 'second')
    await waitUntil(() => first.synced && second.synced, 'both clients synced')

    const peer: UpdateOrigin = { source: 'peer', label: 'instance-b' }
    await server.applyUpdate('doc', textUpdate('from instance b'), peer)
    await waitUntil(() => [first, second].every((client) => client.doc.getText('body').toString() === 'from instance b'), 'both clients got it')
    expect(origins).toEqual([peer])

    first.doc.getText('body').insert(0, '> ')
    await waitUntil(() => origins.length === 2, 'the client edit reached the hook')
    expect(origins[1]).toBeInstanceOf(Connection)
    expect(isUpdateOrigin(origins[1])).toBe(false)
    expect(isUpdateOrigin(origins[0])).toBe(true)

    await server.applyServerUpdate('doc', textUpdate('!'))
    await waitUntil(() => origins.length === 3, 'the server write reached the hook')
    expect(origins[2]).toBe(SERVER_ORIGIN)
    expect(second.doc.getText('body').toString()).toContain('!')

    // onDocumentUpdate saw the same updates, with the same origins: replaying them rebuilds the document.
    expect(updates.map((entry) => entry.origin)).toEqual(origins)
    const replica = new Y.Doc()
    for (const { update } of updates) Y.applyUpdate(replica, update)
    expect(replica.getText('body').toString()).toBe(first.doc.getText('body').toString())
  })

  it('does not store an update of another instance (stored there, once); stores the server\'s own', async () => {
    const store = new MemoryDocumentStore()
    const server = new CollabServer({ store, flushDelayMs: 1 })
    servers.push(server)
    const client = new InProcessClient(server, 'doc', {}, 'client')
    await waitUntil(() => client.synced, 'synced')
    await server.applyUpdate('doc', textUpdate('peer words'), { source: 'peer', label: 'instance-b' })
    await server.flush()
    expect(await store.load('doc')).toEqual([])
    await server.applyUpdate('doc', textUpdate('own words'), SERVER_ORIGIN)
    await server.flush()
    const stored = new Y.Doc()
    for (const record of await store.load('doc')) Y.applyUpdate(stored, record.update)
    expect(stored.getText('body').toString()).toBe('own words')
    expect(client.doc.getText('body').toString()).toContain('peer words')
    // Nor is one for a document not open here.
    await server.applyUpdate('closed', textUpdate('peer words'), { source: 'peer' })
    expect(await store.load('closed')).toEqual([])
  })

  it('appends an update for a document nobody has open to the store, durably', async () => {
    const store = new MemoryDocumentStore()
    const server = new CollabServer({ store, flushDelayMs: 1 })
    servers.push(server)
    await server.applyUpdate('closed', textUpdate('restored'), { source: 'restore', label: 'version 3' })
    const doc = new Y.Doc()
    for (const record of await store.load('closed')) Y.applyUpdate(doc, record.update)
    expect(doc.getText('body').toString()).toBe('restored')
  })

  it('refuses bytes that are not a Yjs update, whatever the origin', async () => {
    const server = new CollabServer({ store: new MemoryDocumentStore() })
    servers.push(server)
    await expect(server.applyUpdate('doc', new Uint8Array([255, 255, 255]), { source: 'peer' })).rejects.toThrow('Not a Yjs update')
  })
})

describe('RoomLifecycle', () => {
  it('moves along loading → dormant → loading → live → destroyed, and refuses any other step', () => {
    const logger = new RecordingLogger()
    const lifecycle = new RoomLifecycle('doc', logger)
    expect(lifecycle.state).toBe('loading')
    lifecycle.to('dormant')
    lifecycle.to('loading')
    lifecycle.to('live')
    expect(() => lifecycle.to('loading')).toThrow('Room "doc" cannot go from live to loading')
    expect(() => lifecycle.to('dormant')).toThrow('cannot go from live to dormant')
    lifecycle.to('destroyed')
    expect(() => lifecycle.to('live')).toThrow('cannot go from destroyed to live')
    expect(lifecycle.state).toBe('destroyed')
  })
})
