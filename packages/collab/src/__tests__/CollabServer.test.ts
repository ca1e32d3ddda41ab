import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CollabServer } from '../CollabServer.js'
import type { DocumentStore, StoredUpdate } from '../DocumentStore.js'
import { InvalidUpdateError } from '../InvalidUpdateError.js'
import { MemoryDocumentStore } from '../MemoryDocumentStore.js'
import { CloseCode, messageAwareness, messageSync } from '../protocol.js'
import { delivered } from './delivered.js'
import { InProcessClient } from './InProcessClient.js'
import { waitUntil } from './waitUntil.js'

/** A memory store whose loads wait for `open()` (or fail after `fail()`), and which counts loads. */
class GatedStore extends MemoryDocumentStore {
  loadCount = 0
  private release: () => void = () => {}
  private abort: (error: Error) => void = () => {}
  private readonly gate = new Promise<void>((resolve, reject) => {
    this.release = resolve
    this.abort = reject
  })

  override async load(documentName: string): Promise<StoredUpdate[]> {
    this.loadCount++
    await this.gate
    return super.load(documentName)
  }

  open(): void {
    this.release()
  }

  fail(error: Error): void {
    this.abort(error)
  }
}

/** A memory store whose first load fails. */
class FlakyLoadStore extends MemoryDocumentStore {
  private failuresLeft = 1

  override async load(documentName: string): Promise<StoredUpdate[]> {
    if (this.failuresLeft-- > 0) throw new Error('transient read error')
    return super.load(documentName)
  }
}

/** A store whose every operation fails, to prove a failed load never writes. */
class BrokenStore implements DocumentStore {
  writes = 0
  async load(): Promise<StoredUpdate[]> {
    throw new Error('disk on fire')
  }
  async append(): Promise<number> {
    this.writes++
    throw new Error('disk on fire')
  }
  async compact(): Promise<number> {
    this.writes++
    throw new Error('disk on fire')
  }
  async close(): Promise<void> {}
}

/** A memory store whose appends and compactions fail while the flags are set. */
class FailingWritesStore extends MemoryDocumentStore {
  failAppends = false
  failCompactions = false

  override async append(documentName: string, update: Uint8Array): Promise<number> {
    if (this.failAppends) throw new Error('append failed')
    return super.append(documentName, update)
  }

  override async compact(documentName: string, merged: Uint8Array, replacedIds: readonly number[]): Promise<number> {
    if (this.failCompactions) throw new Error('compaction failed')
    return super.compact(documentName, merged, replacedIds)
  }
}

function updateWithText(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('body').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

async function storedText(store: DocumentStore, documentName: string): Promise<string> {
  const doc = new Y.Doc()
  for (const record of await store.load(documentName)) Y.applyUpdate(doc, record.update)
  return doc.getText('body').toString()
}

function messageKind(data: Uint8Array): string {
  const decoder = decoding.createDecoder(data)
  const type = decoding.readVarUint(decoder)
  if (type === messageAwareness) return 'awareness'
  if (type !== messageSync) return `type ${type}`
  return ['step1', 'step2', 'update'][decoding.readVarUint(decoder)] ?? 'unknown sync'
}

const servers: CollabServer[] = []
function startServer(store: DocumentStore, options: { compactAfterRecords?: number } = {}): CollabServer {
  const server = new CollabServer({ store, flushDelayMs: 1, ...options })
  servers.push(server)
  return server
}

afterEach(async () => {
  await Promise.allSettled(servers.splice(0).map((server) => server.destroy()))
})

describe('CollabServer', () => {
  it('loads a document once, sends nothing before the store answers, then the stored state, then answers the queued messages in order', async () => {
    const store = new GatedStore()
    await store.append('doc', updateWithText('stored text'))
    const server = startServer(store)
    const first = new InProcessClient(server, 'doc')
    const second = new InProcessClient(server, 'doc')
    first.doc.getText('body').insert(0, 'early ')
    await new Promise((resolve) => setTimeout(resolve, 20))

    expect(first.received).toEqual([])
    expect(second.received).toEqual([])
    expect(store.loadCount).toBe(1)

    store.open()
    await waitUntil(() => first.synced && second.synced, 'both clients synced')
    // The answer to the queued step 1 follows once the document is built (in slices, after the stored state).
    await waitUntil(() => first.received.length >= 3, 'the queued step 1 was answered')
    // The single stored record goes out as it is (after a step 1 with its state vector) before the document is
    // built; the queued step 1 is answered after.
    expect(first.received.map(messageKind).slice(0, 3)).toEqual(['step1', 'step2', 'step2'])
    await waitUntil(() => second.doc.getText('body').toString().includes('early'), 'the early edit arrived')
    expect(second.doc.getText('body').toString()).toBe(first.doc.getText('body').toString())
    expect(first.doc.getText('body').toString()).toContain('stored text')
  })

  it('relays an update to every other connection as the same bytes, and stores it', async () => {
    const store = new MemoryDocumentStore()
    const server = startServer(store)
    const [writer, readerA, readerB] = [1, 2, 3].map(() => new InProcessClient(server, 'doc')) as InProcessClient[]
    await waitUntil(() => [writer, readerA, readerB].every((client) => client!.synced), 'all synced')
    const before = [writer!.received.length, readerA!.received.length, readerB!.received.length]

    writer!.doc.getText('body').insert(0, 'hello')
    await waitUntil(() => readerB!.doc.getText('body').toString() === 'hello', 'the update arrived')
    await delivered()

    const relayedA = readerA!.received.slice(before[1])
    const relayedB = readerB!.received.slice(before[2])
    expect(relayedA.map(messageKind)).toEqual(['update'])
    expect(relayedB[0]).toBe(relayedA[0])
    expect(writer!.received.length).toBe(before[0])
    await server.flush()
    expect(await storedText(store, 'doc')).toBe('hello')
  })

  it('applies and stores what a writer typed while the document loaded, though it left before the load ended', async () => {
    const store = new GatedStore()
    await store.append('doc', updateWithText('stored. '))
    const server = startServer(store)
    const writer = new InProcessClient(server, 'doc')
    const reader = new InProcessClient(server, 'doc', { readOnly: true })
    writer.doc.getText('body').insert(0, 'last words')
    reader.doc.getText('body').insert(0, 'not allowed ')
    await delivered()
    writer.disconnect()
    reader.disconnect()
    store.open()
    await waitUntil(() => server.openDocumentCount === 0, 'the room stored and went')
    expect(await storedText(store, 'doc')).toMatch(/^(stored\. last words|last wordsstored\. )$/)
  })

  it('closes the connections of a document that failed to load and never writes it', async () => {
    const store = new BrokenStore()
    const server = startServer(store)
    const client = new InProcessClient(server, 'doc')
    client.doc.getText('body').insert(0, 'typed while loading')

    await waitUntil(() => client.closeCode !== null, 'the client was closed')
    expect(client.closeCode).toBe(CloseCode.DocumentLoadFailed)
    expect(client.received).toEqual([])
    expect(server.openDocumentCount).toBe(0)
    await server.flush()
    await server.destroy()
    expect(store.writes).toBe(0)
  })

  it('keeps the stored document when its load fails, and serves it on the next load', async () => {
    const store = new FlakyLoadStore()
    await store.append('doc', updateWithText('precious'))
    const server = startServer(store)
    const failing = new InProcessClient(server, 'doc')
    failing.doc.getText('body').insert(0, 'typed while loading')
    await waitUntil(() => failing.closeCode !== null, 'the client was closed')
    expect(failing.closeCode).toBe(CloseCode.DocumentLoadFailed)
    expect(server.openDocumentCount).toBe(0)
    expect(store.recordCount('doc')).toBe(1)

    const retried = new InProcessClient(server, 'doc')
    await waitUntil(() => retried.synced, 'the retry synced')
    expect(retried.doc.getText('body').toString()).toBe('precious')
  })

  it('closes only the connection that sent a malformed message', async () => {
    const server = startServer(new MemoryDocumentStore())
    const bad = new InProcessClient(server, 'doc')
    const good = new InProcessClient(server, 'doc')
    await waitUntil(() => bad.synced && good.synced, 'both synced')

    bad.send(new Uint8Array([messageSync, syncProtocol.messageYjsUpdate, 200]))
    await waitUntil(() => bad.closeCode !== null, 'the bad client was closed')
    expect(bad.closeCode).toBe(CloseCode.MessageInvalid)
    const unknownType = new InProcessClient(server, 'doc')
    unknownType.send(new Uint8Array([77]))
    await waitUntil(() => unknownType.closeCode !== null, 'the unknown-type client was closed')
    expect(unknownType.closeCode).toBe(CloseCode.MessageInvalid)

    good.doc.getText('body').insert(0, 'still fine')
    await delivered()
    await server.flush()
    expect(good.closeCode).toBeNull()
    expect(server.connectionCount).toBe(1)
  })

  it('removes the awareness states a closed connection controlled and tells the others', async () => {
    const server = startServer(new MemoryDocumentStore())
    const leaving = new InProcessClient(server, 'doc')
    const staying = new InProcessClient(server, 'doc')
    await waitUntil(() => leaving.synced && staying.synced, 'both synced')
    const leavingId = leaving.doc.clientID
    leaving.awareness.setLocalState({ user: { name: 'Ada' } })
    await waitUntil(() => staying.awareness.getStates().has(leavingId), 'the state arrived')
    expect(staying.awareness.getStates().get(leavingId)).toEqual({ user: { name: 'Ada' } })

    leaving.disconnect()
    await waitUntil(() => !staying.awareness.getStates().has(leavingId), 'the state was removed')
    expect(staying.closeCode).toBeNull()
  })

  it('unloads a document after its last connection leaves, with everything stored in one record', async () => {
    const store = new MemoryDocumentStore()
    const server = startServer(store)
    const client = new InProcessClient(server, 'doc')
    await waitUntil(() => client.synced, 'synced')
    for (const word of ['one ', 'two ', 'three ']) {
      client.doc.getText('body').insert(0, word)
      await delivered()
      await server.flush()
    }
    expect(store.recordCount('doc')).toBe(3)

    client.disconnect()
    await waitUntil(() => server.openDocumentCount === 0, 'the document unloaded')
    expect(store.recordCount('doc')).toBe(1)
    expect(await storedText(store, 'doc')).toBe('three two one ')
  })

  it('keeps a document open when a client reconnects while it is unloading', async () => {
    const store = new MemoryDocumentStore()
    const server = startServer(store)
    const first = new InProcessClient(server, 'doc')
    await waitUntil(() => first.synced, 'synced')
    first.doc.getText('body').insert(0, 'kept')
    await delivered()
    first.disconnect()
    const second = new InProcessClient(server, 'doc')
    await waitUntil(() => second.synced, 'the second client synced')
    await server.flush()
    await new Promise((resolve) => setTimeout(resolve, 20))

    expect(server.openDocumentCount).toBe(1)
    expect(second.doc.getText('body').toString()).toBe('kept')
    second.doc.getText('body').insert(4, '!')
    await delivered()
    second.disconnect()
    await waitUntil(() => server.openDocumentCount === 0, 'the document unloaded')
    expect(await storedText(store, 'doc')).toBe('kept!')
  })

  it('compacts after the configured number of records and keeps records appended meanwhile', async () => {
    const store = new MemoryDocumentStore()
    const server = startServer(store, { compactAfterRecords: 5 })
    const client = new InProcessClient(server, 'doc')
    await waitUntil(() => client.synced, 'synced')
    let highest = 0
    for (let index = 0; index < 12; index++) {
      client.doc.getText('body').insert(0, 'x')
      await delivered()
      await server.flush()
      highest = Math.max(highest, store.recordCount('doc'))
    }
    await store.append('doc', updateWithText('written behind the room'))
    client.doc.getText('body').insert(0, 'y')
    for (let index = 0; index < 5; index++) {
      client.doc.getText('body').insert(0, 'z')
      await delivered()
      await server.flush()
    }
    await waitUntil(() => store.recordCount('doc') < 5, 'a compaction ran')

    expect(highest).toBeLessThanOrEqual(5)
    const text = await storedText(store, 'doc')
    expect(text).toContain('written behind the room')
    expect(text).toContain('zzzzzyxxxxxxxxxxxx')
  })

  it('applies a server update to an open document and appends it to a closed one', async () => {
    const store = new MemoryDocumentStore()
    const server = startServer(store)
    await server.applyServerUpdate('closed', updateWithText('seeded'))
    expect(server.openDocumentCount).toBe(0)
    expect(await storedText(store, 'closed')).toBe('seeded')

    const client = new InProcessClient(server, 'open')
    await waitUntil(() => client.synced, 'synced')
    await server.applyServerUpdate('open', updateWithText('pushed'))
    await waitUntil(() => client.doc.getText('body').toString() === 'pushed', 'the server update arrived')
    expect(await storedText(store, 'open')).toBe('pushed')
    await expect(server.applyServerUpdate('open', new Uint8Array([1, 2, 3]))).rejects.toBeInstanceOf(
      InvalidUpdateError,
    )
  })

  it('sees a server update written while the document was closed when it loads', async () => {
    const store = new GatedStore()
    const server = startServer(store)
    const written = server.applyServerUpdate('doc', updateWithText('seed'))
    const client = new InProcessClient(server, 'doc')
    store.open()
    await written
    await waitUntil(() => client.synced, 'synced')
    expect(client.doc.getText('body').toString()).toBe('seed')
  })

  it('stores the whole document when an append fails, and reports writes that could not be made', async () => {
    const store = new FailingWritesStore()
    const server = startServer(store)
    const client = new InProcessClient(server, 'doc')
    await waitUntil(() => client.synced, 'synced')

    store.failAppends = true
    client.doc.getText('body').insert(0, 'saved by compaction')
    await delivered()
    await server.flush()
    expect(await storedText(store, 'doc')).toBe('saved by compaction')

    store.failCompactions = true
    client.doc.getText('body').insert(0, 'not yet ')
    await delivered()
    await expect(server.flush()).rejects.toThrow('compaction failed')
    client.disconnect()
    await delivered()
    expect(server.openDocumentCount).toBe(1)

    store.failAppends = false
    store.failCompactions = false
    await server.flush()
    expect(await storedText(store, 'doc')).toBe('not yet saved by compaction')
  })

  it('on destroy closes every connection as shutting down and stores everything', async () => {
    const store = new MemoryDocumentStore()
    const server = startServer(store)
    const client = new InProcessClient(server, 'doc')
    await waitUntil(() => client.synced, 'synced')
    client.doc.getText('body').insert(0, 'last words')
    await delivered()

    await server.destroy()
    expect(client.closeCode).toBe(CloseCode.ServerShuttingDown)
    expect(server.openDocumentCount).toBe(0)
    expect(await storedText(store, 'doc')).toBe('last words')
    const late = new InProcessClient(server, 'doc')
    await delivered()
    expect(late.closeCode).toBe(CloseCode.ServerShuttingDown)
  })
})
