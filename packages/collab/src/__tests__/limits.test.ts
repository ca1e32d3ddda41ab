import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { defaultCollabLimits, type CollabLimits } from '../CollabLimits.js'
import { CollabServer } from '../CollabServer.js'
import type { StoredUpdate } from '../DocumentStore.js'
import { encodeUpdateMessage } from '../messages.js'
import { MemoryDocumentStore } from '../MemoryDocumentStore.js'
import { CloseCode } from '../protocol.js'
import { TokenBucket } from '../TokenBucket.js'
import { delivered } from './delivered.js'
import { InProcessClient } from './InProcessClient.js'
import { loadStoredDoc } from './loadStoredDoc.js'
import { RawClient } from './RawClient.js'
import { RecordingLogger } from './RecordingLogger.js'
import { waitUntil } from './waitUntil.js'

/** A memory store whose loads wait until `open()`. */
class GatedStore extends MemoryDocumentStore {
  private release: () => void = () => {}
  private readonly gate = new Promise<void>((resolve) => {
    this.release = resolve
  })

  override async load(documentName: string): Promise<StoredUpdate[]> {
    await this.gate
    return super.load(documentName)
  }

  open(): void {
    this.release()
  }
}

function updateWithText(text: string, name = 'body'): Uint8Array {
  const doc = new Y.Doc()
  doc.getText(name).insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

async function storedBody(store: MemoryDocumentStore): Promise<string> {
  return (await loadStoredDoc(store, 'doc')).getText('body').toString()
}

interface Started {
  server: CollabServer
  logger: RecordingLogger
}

const servers: CollabServer[] = []
function startServer(
  store: MemoryDocumentStore,
  limits: Partial<CollabLimits>,
  options: { compactAfterRecords?: number } = {},
): Started {
  const logger = new RecordingLogger()
  const server = new CollabServer({ store, logger, flushDelayMs: 1, limits, ...options })
  servers.push(server)
  return { server, logger }
}

afterEach(async () => {
  await Promise.allSettled(servers.splice(0).map((server) => server.destroy()))
})

/** The warn lines about closing for `limit`; each closure must log exactly one, naming the document. */
function limitWarnings(logger: RecordingLogger, limit: keyof CollabLimits): Record<string, unknown>[] {
  return logger
    .at('warn')
    .map((line) => line.fields)
    .filter((fields) => fields.limit === limit)
}

describe('collab limits', () => {
  it('merges the given limits with the defaults and names a limit that is not a positive integer', () => {
    const server = new CollabServer({ store: new MemoryDocumentStore(), limits: { messagesPerSecond: 7 } })
    expect(server.limits).toEqual({ ...defaultCollabLimits, messagesPerSecond: 7 })
    expect(defaultCollabLimits).toEqual({
      maxMessageBytes: 8 * 1024 * 1024,
      maxDocumentBytes: 32 * 1024 * 1024,
      messagesPerSecond: 200,
      maxConnectionsPerDocument: 200,
    })
    const store = new MemoryDocumentStore()
    expect(() => new CollabServer({ store, limits: { maxMessageBytes: 0 } })).toThrow(/maxMessageBytes.*got 0/)
    expect(() => new CollabServer({ store, limits: { maxDocumentBytes: 1.5 } })).toThrow(/maxDocumentBytes/)
    expect(() => new CollabServer({ store, limits: { messagesPerSecond: Number.NaN } })).toThrow(/messagesPerSecond/)
    const notANumber = { maxConnectionsPerDocument: '5' } as unknown as Partial<CollabLimits>
    expect(() => new CollabServer({ store, limits: notANumber })).toThrow(/maxConnectionsPerDocument/)
  })

  it('closes with 4413 a message longer than maxMessageBytes, before reading it', async () => {
    const store = new MemoryDocumentStore()
    await store.append('doc', updateWithText('original'))
    const { server, logger } = startServer(store, { maxMessageBytes: 1000 })
    const sender = new InProcessClient(server, 'doc')
    const other = new InProcessClient(server, 'doc')
    await waitUntil(() => sender.synced && other.synced, 'both synced')

    const fits = encodeUpdateMessage(updateWithText('a'.repeat(900)))
    expect(fits.byteLength).toBeLessThanOrEqual(1000)
    sender.send(fits)
    await waitUntil(() => other.doc.getText('body').length > 100, 'the message that fits arrived')
    const tooLong = encodeUpdateMessage(updateWithText('b'.repeat(1000)))
    expect(tooLong.byteLength).toBeGreaterThan(1000)
    sender.send(tooLong)
    await waitUntil(() => sender.closeCode !== null, 'the sender was closed')
    await server.flush()

    expect(sender.closeCode).toBe(CloseCode.MessageTooLarge)
    expect(other.closeCode).toBeNull()
    expect(other.doc.getText('body').toString()).not.toContain('b')
    expect(await storedBody(store)).not.toContain('b')
    expect(limitWarnings(logger, 'maxMessageBytes')).toEqual([
      expect.objectContaining({ documentName: 'doc', maxMessageBytes: 1000, messageBytes: tooLong.byteLength }),
    ])
  })

  it('closes with 4413 a client that sends more than twice maxMessageBytes before its document loaded', async () => {
    const store = new GatedStore()
    const { server } = startServer(store, { maxMessageBytes: 1000 })
    const client = new RawClient(server, 'doc')
    for (const letter of ['a', 'b', 'c']) client.receive(encodeUpdateMessage(updateWithText(letter.repeat(800))))
    expect(client.closeCode).toBe(CloseCode.MessageTooLarge)
    store.open()
    await server.flush()
    expect(store.recordCount('doc')).toBe(0)
  })

  it('closes with 4414 an update that would pass maxDocumentBytes, without applying it', async () => {
    const store = new MemoryDocumentStore()
    await store.append('doc', updateWithText('original'))
    const { server, logger } = startServer(store, { maxDocumentBytes: 2000 })
    const sender = new InProcessClient(server, 'doc')
    const other = new InProcessClient(server, 'doc')
    await waitUntil(() => sender.synced && other.synced, 'both synced')
    const recordsBefore = store.recordCount('doc')

    sender.send(encodeUpdateMessage(updateWithText('x'.repeat(2500), 'large')))
    await waitUntil(() => sender.closeCode !== null, 'the sender was closed')
    await delivered()
    await server.flush()

    expect(sender.closeCode).toBe(CloseCode.DocumentTooLarge)
    expect(other.closeCode).toBeNull()
    expect(other.doc.getText('large').toString()).toBe('')
    expect(store.recordCount('doc')).toBe(recordsBefore)
    expect((await loadStoredDoc(store, 'doc')).getText('large').toString()).toBe('')
    expect(limitWarnings(logger, 'maxDocumentBytes')).toEqual([
      expect.objectContaining({ documentName: 'doc', maxDocumentBytes: 2000 }),
    ])

    // Small edits still fit.
    other.doc.getText('body').insert(0, 'still ')
    await delivered()
    await server.flush()
    expect(await storedBody(store)).toBe('still original')
  })

  it('adds up applied updates towards maxDocumentBytes and re-measures the document when compacting', async () => {
    const store = new MemoryDocumentStore()
    // Each keystroke is a ~20-byte update but adds about one byte to the merged document.
    const { server } = startServer(store, { maxDocumentBytes: 3000 }, { compactAfterRecords: 5 })
    const typist = new InProcessClient(server, 'doc')
    await waitUntil(() => typist.synced, 'synced')
    const type = async (count: number): Promise<void> => {
      for (let index = 0; index < count && typist.closeCode === null; index++) {
        typist.doc.getText('body').insert(typist.doc.getText('body').length, 'k')
        await delivered()
        await server.flush()
      }
    }
    await type(250)
    expect(typist.closeCode).toBeNull()
    expect(await storedBody(store)).toBe('k'.repeat(250))

    // Without compactions re-measuring, 250 keystrokes of ~20 bytes would be past the limit. Between
    // compactions the sum is what counts: 200 updates of ~40 bytes sent at once pass it.
    const burst = new InProcessClient(server, 'doc')
    await waitUntil(() => burst.synced, 'the second client synced')
    for (let index = 0; index < 200 && burst.closeCode === null; index++) {
      burst.send(encodeUpdateMessage(updateWithText('z'.repeat(20), `burst-${index}`)))
    }
    await waitUntil(() => burst.closeCode !== null, 'the burst was closed')
    expect(burst.closeCode).toBe(CloseCode.DocumentTooLarge)
    expect(typist.closeCode).toBeNull()
  })

  it('closes with 4429 a connection sending faster than messagesPerSecond allows (bursts of 2x pass)', async () => {
    const store = new MemoryDocumentStore()
    const { server, logger } = startServer(store, { messagesPerSecond: 5 })
    const client = new RawClient(server, 'doc')
    await waitUntil(() => client.received.length > 0, 'greeted')
    const messages = Array.from({ length: 12 }, (_, index) => encodeUpdateMessage(updateWithText(`m${index} `)))
    let sent = 0
    for (const message of messages) {
      if (client.closeCode !== null) break
      client.receive(message)
      sent++
    }
    await server.flush()

    expect(client.closeCode).toBe(CloseCode.RateLimited)
    // The bucket holds 10; the 11th message (sent within a few milliseconds) is refused and not applied.
    expect(sent).toBe(11)
    const stored = await storedBody(store)
    expect(stored).toContain('m9 ')
    expect(stored).not.toContain('m10 ')
    expect(limitWarnings(logger, 'messagesPerSecond')).toEqual([
      expect.objectContaining({ documentName: 'doc', messagesPerSecond: 5 }),
    ])
  })

  it('refills the token bucket continuously up to its capacity', () => {
    let now = 0
    const bucket = new TokenBucket(10, 20, () => now)
    for (let index = 0; index < 20; index++) expect(bucket.take()).toBe(true)
    expect(bucket.take()).toBe(false)
    now += 100 // one token
    expect(bucket.take()).toBe(true)
    expect(bucket.take()).toBe(false)
    now += 60_000 // capped at the capacity
    for (let index = 0; index < 20; index++) expect(bucket.take()).toBe(true)
    expect(bucket.take()).toBe(false)
  })

  it('closes with 4508, before any document byte, a connection past maxConnectionsPerDocument', async () => {
    const store = new MemoryDocumentStore()
    await store.append('doc', updateWithText('original'))
    const { server, logger } = startServer(store, { maxConnectionsPerDocument: 2 })
    const first = new InProcessClient(server, 'doc')
    const second = new InProcessClient(server, 'doc')
    const third = new RawClient(server, 'doc')
    expect(third.closeCode).toBe(CloseCode.TooManyConnections)
    third.receive(encodeUpdateMessage(updateWithText('from the refused one')))
    await waitUntil(() => first.synced && second.synced, 'the first two synced')
    await server.flush()
    expect(third.received).toEqual([])
    expect(server.connectionCount).toBe(2)
    expect(await storedBody(store)).toBe('original')
    expect(limitWarnings(logger, 'maxConnectionsPerDocument')).toEqual([
      expect.objectContaining({ documentName: 'doc', maxConnectionsPerDocument: 2 }),
    ])

    // Other documents are not affected, and a place that frees up can be taken.
    const elsewhere = new InProcessClient(server, 'other')
    await waitUntil(() => elsewhere.synced, 'another document synced')
    first.disconnect()
    const fourth = new InProcessClient(server, 'doc')
    await waitUntil(() => fourth.synced, 'a later connection synced')
    expect(fourth.closeCode).toBeNull()
  })
})
