import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CollabServer, type CollabServerOptions } from '../CollabServer.js'
import type { StoredUpdate } from '../DocumentStore.js'
import { encodeSaveRequestMessage } from '../messages.js'
import { MemoryDocumentStore } from '../MemoryDocumentStore.js'
import { delivered } from './delivered.js'
import { savedCovers, savedThroughSeqs } from './durabilityMessages.js'
import { InProcessClient } from './InProcessClient.js'
import { waitUntil } from './waitUntil.js'

/** A store that vouches for every record it loads, as a store checking a checksum does. */
class VouchingStore extends MemoryDocumentStore {
  override async load(documentName: string): Promise<StoredUpdate[]> {
    return (await super.load(documentName)).map((record) => ({ ...record, verified: true }))
  }
}

const STORED_TEXT = 'What the roundtable agreed on.'

/** A report stored as what an unload leaves: one merged record, with its state vector. */
async function storedReport(): Promise<{ store: VouchingStore; record: Uint8Array }> {
  const doc = new Y.Doc()
  doc.clientID = 7
  doc.getText('summary').insert(0, STORED_TEXT)
  const record = Y.encodeStateAsUpdate(doc)
  const store = new VouchingStore()
  await store.compact('doc', record, [], Y.encodeStateVector(doc))
  return { store, record }
}

interface Watched {
  server: CollabServer
  store: VouchingStore
  record: Uint8Array
  /** Names of the documents built (`onDocumentLoad`), in order. */
  built: string[]
  unloaded: string[]
  /** `open <name>` and `close <name>` (`onDocumentOpen`, `onDocumentClose`), in order. */
  openings: string[]
}

const servers: CollabServer[] = []
afterEach(async () => {
  await Promise.allSettled(servers.splice(0).map((server) => server.destroy()))
})

async function watchedServer(options: Partial<CollabServerOptions> = {}): Promise<Watched> {
  const { store, record } = await storedReport()
  const built: string[] = []
  const unloaded: string[] = []
  const openings: string[] = []
  const server = new CollabServer({
    store,
    ...options,
    hooks: {
      onDocumentLoad: (name) => built.push(name),
      onDocumentUnload: (name) => unloaded.push(name),
      onDocumentOpen: (name) => openings.push(`open ${name}`),
      onDocumentClose: (name) => openings.push(`close ${name}`),
    },
  })
  servers.push(server)
  return { server, store, record, built, unloaded, openings }
}

async function storedIds(store: VouchingStore): Promise<number[]> {
  return (await store.load('doc')).map((record) => record.id)
}

describe('a report stored as one vouched-for record, built on demand', () => {
  it('is served to writers, relays their awareness and answers durability requests without being built', async () => {
    const { server, store, built } = await watchedServer()
    const idsBefore = await storedIds(store)
    const alice = new InProcessClient(server, 'doc', { durableAcks: true })
    const bob = new InProcessClient(server, 'doc')
    await waitUntil(() => alice.synced && bob.synced, 'both writers synced')
    expect(alice.doc.getText('summary').toString()).toBe(STORED_TEXT)
    expect(bob.doc.getText('summary').toString()).toBe(STORED_TEXT)
    expect(savedCovers(alice.received, 7, STORED_TEXT.length)).toBe(true)

    alice.awareness.setLocalState({ user: { name: 'Alice' } })
    await waitUntil(() => bob.awareness.getStates().has(alice.doc.clientID), 'bob saw alice')
    alice.send(encodeSaveRequestMessage(3))
    await waitUntil(() => savedThroughSeqs(alice.received).includes(3), 'the save request was answered')

    await delivered()
    expect(built).toEqual([])
    expect(server.openDocumentCount).toBe(1)
    expect(await storedIds(store)).toEqual(idsBefore)
  })

  it('is built when a writer changes it; the change, and what that writer sent after it, are handled in order', async () => {
    const { server, store, built } = await watchedServer()
    const alice = new InProcessClient(server, 'doc')
    const bob = new InProcessClient(server, 'doc')
    await waitUntil(() => alice.synced && bob.synced, 'both writers synced')
    await delivered()
    expect(built).toEqual([])

    alice.doc.getText('summary').insert(STORED_TEXT.length, ' And more.')
    alice.awareness.setLocalState({ user: { name: 'Alice' } })
    await waitUntil(() => bob.doc.getText('summary').toString() === `${STORED_TEXT} And more.`, 'bob got the change')
    await waitUntil(() => bob.awareness.getStates().has(alice.doc.clientID), 'bob saw alice')
    expect(built).toEqual(['doc'])
    await server.flush()
    const stored = new Y.Doc()
    for (const record of await store.load('doc')) Y.applyUpdate(stored, record.update)
    expect(stored.getText('summary').toString()).toBe(`${STORED_TEXT} And more.`)
  })

  it('is built for a read-only connection, whose view comes from the document', async () => {
    const { server, built } = await watchedServer()
    const writer = new InProcessClient(server, 'doc')
    await waitUntil(() => writer.synced, 'the writer synced')
    await delivered()
    expect(built).toEqual([])
    const reader = new InProcessClient(server, 'doc', { readOnly: true })
    await waitUntil(() => reader.synced, 'the reader synced')
    expect(reader.doc.getText('summary').toString()).toBe(STORED_TEXT)
    expect(built).toEqual(['doc'])
  })

  it('is built for a server update, which every writer receives', async () => {
    const { server, built, record } = await watchedServer()
    const writer = new InProcessClient(server, 'doc')
    await waitUntil(() => writer.synced, 'the writer synced')
    const serverDoc = new Y.Doc()
    Y.applyUpdate(serverDoc, record)
    const before = Y.encodeStateVector(serverDoc)
    serverDoc.getText('summary').insert(0, '[agreed] ')
    await server.applyServerUpdate('doc', Y.encodeStateAsUpdate(serverDoc, before))
    await waitUntil(() => writer.doc.getText('summary').toString().startsWith('[agreed] '), 'the writer got it')
    expect(built).toEqual(['doc'])
  })

  it('goes when everyone has left, storing nothing', async () => {
    const { server, store, built, unloaded, openings } = await watchedServer()
    const idsBefore = await storedIds(store)
    const clients = [new InProcessClient(server, 'doc'), new InProcessClient(server, 'doc')]
    await waitUntil(() => clients.every((client) => client.synced), 'both writers synced')
    for (const client of clients) client.disconnect()
    await waitUntil(() => server.openDocumentCount === 0, 'the room went')
    expect(built).toEqual([])
    expect(unloaded).toEqual([])
    expect(openings).toEqual(['open doc', 'close doc'])
    expect(await storedIds(store)).toEqual(idsBefore)

    // And opens again as before.
    const again = new InProcessClient(server, 'doc')
    await waitUntil(() => again.synced, 'a new writer synced')
    expect(again.doc.getText('summary').toString()).toBe(STORED_TEXT)
  })

  it('serves a small record stored without its state vector (a report written once) the same way', async () => {
    const store = new VouchingStore()
    const doc = new Y.Doc()
    doc.getText('summary').insert(0, STORED_TEXT)
    await store.append('doc', Y.encodeStateAsUpdate(doc))
    const built: string[] = []
    const server = new CollabServer({ store, hooks: { onDocumentLoad: (name) => built.push(name) } })
    servers.push(server)
    const writer = new InProcessClient(server, 'doc')
    await waitUntil(() => writer.synced, 'the writer synced')
    expect(writer.doc.getText('summary').toString()).toBe(STORED_TEXT)
    await delivered()
    expect(built).toEqual([])
  })

  it('stores what a writer sent while the build ran, even if it left before the build ended', async () => {
    const { server, store } = await watchedServer()
    const alice = new InProcessClient(server, 'doc')
    await waitUntil(() => alice.synced, 'alice synced')
    await delivered()
    alice.doc.getText('summary').insert(0, 'Last words. ')
    // Gone in the same turn its change arrives: the change is held for the build, which then applies it.
    await new Promise((resolve) => queueMicrotask(() => resolve(undefined)))
    alice.disconnect()
    await waitUntil(() => server.openDocumentCount === 0, 'the room went')
    const stored = new Y.Doc()
    for (const record of await store.load('doc')) Y.applyUpdate(stored, record.update)
    expect(stored.getText('summary').toString()).toBe(`Last words. ${STORED_TEXT}`)
  })

  it('builds and stores what a writer sent before its record was read, though it left before', async () => {
    const { store } = await storedReport()
    let openGate: () => void = () => undefined
    const gate = new Promise<void>((resolve) => (openGate = resolve))
    const gated = Object.assign(Object.create(store) as VouchingStore, {
      load: async (name: string) => {
        await gate
        return store.load(name)
      },
    })
    const server = new CollabServer({ store: gated, flushDelayMs: 1 })
    servers.push(server)
    const alice = new InProcessClient(server, 'doc')
    alice.doc.getText('summary').insert(0, 'Typed early. ')
    await delivered()
    alice.disconnect()
    openGate()
    await waitUntil(() => server.openDocumentCount === 0, 'the room stored and went')
    const stored = new Y.Doc()
    for (const record of await store.load('doc')) Y.applyUpdate(stored, record.update)
    expect(stored.getText('summary').toString()).toContain('Typed early. ')
    expect(stored.getText('summary').toString()).toContain(STORED_TEXT)
  })

  it('is built at once with buildOnDemand: false', async () => {
    const { server, built } = await watchedServer({ buildOnDemand: false })
    const writer = new InProcessClient(server, 'doc')
    await waitUntil(() => writer.synced, 'the writer synced')
    await waitUntil(() => built.length === 1, 'the document was built')
    expect(built).toEqual(['doc'])
  })
})
