import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CollabServer } from '../CollabServer.js'
import type { StoredUpdate } from '../DocumentStore.js'
import { MemoryDocumentStore } from '../MemoryDocumentStore.js'
import { CloseCode, messageSync } from '../protocol.js'
import { craftUpdate } from './craftUpdate.js'
import { InProcessClient } from './InProcessClient.js'
import { RecordingLogger } from './RecordingLogger.js'
import { waitUntil } from './waitUntil.js'

/** A stored report typed by three people into an XML fragment, as one record (what a compaction leaves). */
function storedReport(paragraphs: number): Uint8Array {
  const docs = [1, 2, 3].map((clientID) => {
    const doc = new Y.Doc()
    doc.clientID = clientID
    return doc
  })
  const sync = (): void => {
    for (const from of docs) for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
  }
  for (let i = 0; i < paragraphs; i++) {
    const doc = docs[i % docs.length] as Y.Doc
    const paragraph = new Y.XmlElement('paragraph')
    const text = new Y.XmlText()
    paragraph.insert(0, [text])
    const fragment = doc.getXmlFragment('summary')
    fragment.insert(fragment.length, [paragraph])
    text.insert(0, `Paragraph ${i}: what the roundtable said about it, `)
    text.insert(text.length, 'word by word.', i % 5 === 0 ? { bold: true } : {})
    if (i % 7 === 0) text.delete(3, 4)
    if (i % 10 === 9) sync()
  }
  sync()
  return Y.encodeStateAsUpdate(docs[0] as Y.Doc)
}

function isStep2(data: Uint8Array): boolean {
  const decoder = decoding.createDecoder(data)
  return decoding.readVarUint(decoder) === messageSync && decoding.readVarUint(decoder) === 1
}

const servers: CollabServer[] = []
afterEach(async () => {
  await Promise.allSettled(servers.splice(0).map((server) => server.destroy()))
})

describe('loading a large stored record in slices', () => {
  it('builds the same document from causal chunks as from the whole record', async () => {
    const stored = storedReport(300)
    expect(stored.byteLength).toBeGreaterThan(10_000)
    const store = new MemoryDocumentStore()
    await store.append('doc', stored)
    const loaded: Y.Doc[] = []
    const server = new CollabServer({ store, loadChunkBytes: 512, hooks: { onDocumentLoad: (_name, doc) => loaded.push(doc) } })
    servers.push(server)
    const reader = new InProcessClient(server, 'doc', { readOnly: true })
    await waitUntil(() => reader.synced, 'the reader synced')

    const whole = new Y.Doc()
    Y.applyUpdate(whole, stored)
    const serverDoc = loaded[0] as Y.Doc
    expect(serverDoc.store.pendingStructs).toBeNull()
    expect(Y.encodeStateAsUpdate(serverDoc)).toEqual(Y.encodeStateAsUpdate(whole))
    expect(reader.doc.getXmlFragment('summary').toString()).toBe(whole.getXmlFragment('summary').toString())
  })

  it('sends the stored record at once to writers who connect while the document is being built', async () => {
    const stored = storedReport(300)
    const store = new MemoryDocumentStore()
    await store.append('doc', stored)
    let loadedAt: number | null = null
    const server = new CollabServer({ store, loadChunkBytes: 256, hooks: { onDocumentLoad: () => (loadedAt = performance.now()) } })
    servers.push(server)
    const first = new InProcessClient(server, 'doc')
    await waitUntil(() => first.received.some(isStep2), 'the first writer got the stored state')
    const second = new InProcessClient(server, 'doc')
    await waitUntil(() => second.received.some(isStep2), 'the second writer got the stored state')
    const secondHeldAll = performance.now()
    expect(loadedAt).toBeNull()
    expect(second.doc.getXmlFragment('summary').length).toBe(300)

    await waitUntil(() => loadedAt !== null, 'the document loaded')
    expect(secondHeldAll).toBeLessThan(loadedAt as unknown as number)
    // Both still converge with an edit made after the load.
    second.doc.getXmlFragment('summary').insert(0, [new Y.XmlElement('paragraph')])
    await waitUntil(() => first.doc.getXmlFragment('summary').length === 301, 'the first writer got the edit')
  })

  it('lets an open document relay its updates between the slices of another one loading', async () => {
    const store = new MemoryDocumentStore()
    await store.append('large', storedReport(400))
    let largeLoaded = false
    const server = new CollabServer({
      store,
      loadChunkBytes: 128,
      hooks: { onDocumentLoad: (name) => (largeLoaded ||= name === 'large') },
    })
    servers.push(server)
    const typist = new InProcessClient(server, 'small')
    const watcher = new InProcessClient(server, 'small')
    await waitUntil(() => typist.synced && watcher.synced, 'the small document is open')

    const opener = new InProcessClient(server, 'large', { readOnly: true })
    await new Promise((resolve) => setImmediate(resolve))
    typist.doc.getText('notes').insert(0, 'typed while the large report loads')
    await waitUntil(() => watcher.doc.getText('notes').length > 0, 'the keystroke was relayed')
    expect(largeLoaded).toBe(false)
    await waitUntil(() => opener.synced, 'the large report loaded')
  })
})

/** A store that vouches for every record it loads, as a store checking a checksum does. */
class VouchingStore extends MemoryDocumentStore {
  override async load(documentName: string): Promise<StoredUpdate[]> {
    return (await super.load(documentName)).map((record) => ({ ...record, verified: true }))
  }
}

describe('records the store verified', () => {
  /** Two texts, then an item whose neighbours sit one in each: refused by validation, though Yjs would take it. */
  async function storeCrossingItem(store: MemoryDocumentStore): Promise<void> {
    const doc = new Y.Doc()
    doc.clientID = 1
    doc.getText('a').insert(0, 'one')
    doc.getText('b').insert(0, 'two')
    await store.append('doc', Y.encodeStateAsUpdate(doc))
    await store.append('doc', craftUpdate([{ client: 2, clock: 0, origin: [1, 0], rightOrigin: [1, 4], text: 'x' }]))
  }

  it('are applied without validating them again; others are validated and set aside', async () => {
    const vouching = new VouchingStore()
    await storeCrossingItem(vouching)
    const plain = new MemoryDocumentStore()
    await storeCrossingItem(plain)
    for (const store of [vouching, plain]) {
      const server = new CollabServer({ store, logger: new RecordingLogger() })
      servers.push(server)
      const client = new InProcessClient(server, 'doc')
      await waitUntil(() => client.synced, 'the client synced')
    }
    expect(vouching.quarantinedRecords('doc')).toEqual([])
    expect(plain.quarantinedRecords('doc')).toHaveLength(1)
  })
})

describe('a record stored with its state vector', () => {
  it('goes to writers with a sync step 1 carrying the stored state vector, without waiting for the record to be read', async () => {
    const store = new VouchingStore()
    const stored = storedReport(50)
    // A state vector the record's own is not: the step 1 can only carry it if the stored one is used.
    const storedVector = Y.encodeStateVector(new Map([[1, 5]]))
    await store.compact('doc', stored, [], storedVector)
    const server = new CollabServer({ store })
    servers.push(server)
    const writer = new InProcessClient(server, 'doc')
    await waitUntil(() => writer.received.length >= 2, 'the writer got the stored state')
    const first = decoding.createDecoder(writer.received[0] as Uint8Array)
    expect([decoding.readVarUint(first), decoding.readVarUint(first)]).toEqual([messageSync, 0])
    expect(decoding.readVarUint8Array(first)).toEqual(storedVector)
    expect(isStep2(writer.received[1] as Uint8Array)).toBe(true)
  })
})

describe('a stored record that fails after part of it was applied', () => {
  it('is set aside, the load fails (4500), and the next load goes without it', async () => {
    const store = new MemoryDocumentStore()
    const long = 'a paragraph long enough to need a chunk of its own'
    // Three structs, one chunk each; the last one's neighbours sit in different texts: it parses, but validation
    // refuses it once the first two are already in the document.
    const record = craftUpdate([
      { client: 1, clock: 0, root: 'a', text: long },
      { client: 2, clock: 0, root: 'b', text: long },
      { client: 3, clock: 0, origin: [1, 0], rightOrigin: [2, 0], text: 'x' },
    ])
    const id = await store.append('doc', record)
    const logger = new RecordingLogger()
    const server = new CollabServer({ store, logger, loadChunkBytes: 64 })
    servers.push(server)

    const first = new InProcessClient(server, 'doc')
    await waitUntil(() => first.closeCode !== null, 'the first client was closed')
    expect(first.closeCode).toBe(CloseCode.DocumentLoadFailed)
    expect(store.quarantinedRecords('doc').map((quarantined) => quarantined.id)).toEqual([id])

    await waitUntil(() => server.openDocumentCount === 0, 'the failed room was dropped')
    const second = new InProcessClient(server, 'doc')
    await waitUntil(() => second.synced, 'the second client synced')
    expect(second.closeCode).toBeNull()
    expect(second.doc.getText('a').toString()).toBe('')
  })
})
