import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CollabServer } from '../CollabServer.js'
import { MemoryDocumentStore } from '../MemoryDocumentStore.js'
import { messageSync } from '../protocol.js'
import { InProcessClient } from './InProcessClient.js'
import { waitUntil } from './waitUntil.js'

/** The update a sync step 2 or update message carries, or null for any other message. */
function carriedUpdate(data: Uint8Array): { kind: 'step2' | 'update'; update: Uint8Array } | null {
  const decoder = decoding.createDecoder(data)
  if (decoding.readVarUint(decoder) !== messageSync) return null
  const kind = decoding.readVarUint(decoder)
  if (kind !== 1 && kind !== 2) return null
  return { kind: kind === 1 ? 'step2' : 'update', update: decoding.readVarUint8Array(decoder) }
}

/** A stored report of many typed paragraphs, as one record (what a compaction leaves). */
function storedReport(paragraphs: number): Uint8Array {
  const doc = new Y.Doc()
  const body = doc.getText('body')
  for (let i = 0; i < paragraphs; i++) body.insert(body.length, `Paragraph ${i}: what the roundtable said about it.\n`)
  return Y.encodeStateAsUpdate(doc)
}

const servers: CollabServer[] = []
afterEach(async () => {
  await Promise.allSettled(servers.splice(0).map((server) => server.destroy()))
})

async function serverWith(stored: Uint8Array): Promise<CollabServer> {
  const store = new MemoryDocumentStore()
  await store.append('doc', stored)
  // No compaction during a test (it would set a new snapshot), and room for hundreds of keystrokes at once.
  const server = new CollabServer({ store, flushDelayMs: 1, compactAfterRecords: 100_000, limits: { messagesPerSecond: 10_000 } })
  servers.push(server)
  return server
}

describe('answering from the encoded state (StateSnapshot)', () => {
  it('sends a waiting writer the single stored record as it is, first, and then only what it lacks', async () => {
    const stored = storedReport(400)
    const server = await serverWith(stored)
    const writer = new InProcessClient(server, 'doc')
    await waitUntil(() => writer.synced, 'the writer synced')
    await waitUntil(() => writer.received.filter((data) => carriedUpdate(data)?.kind === 'step2').length === 2, 'both steps 2')

    const steps = writer.received.map(carriedUpdate).filter((carried) => carried?.kind === 'step2')
    expect(steps[0]?.update).toEqual(stored)
    // The answer to its step 1 (sent before it had anything) does not carry the document again.
    // Nothing changed since the record: an empty update (no structs, no deletions), not a diff of the document.
    expect(steps[1]?.update).toEqual(new Uint8Array([0, 0]))
    expect(writer.doc.getText('body').toString()).toContain('Paragraph 399')
  })

  it('never sends the stored record early to a read-only connection (what readers get is redacted first)', async () => {
    const server = await serverWith(storedReport(10))
    const reader = new InProcessClient(server, 'doc', { readOnly: true })
    await waitUntil(() => reader.synced, 'the reader synced')
    expect(carriedUpdate(reader.received[0] as Uint8Array)).toBeNull()
  })

  it('answers a client that holds nothing with the updates since the snapshot, then the snapshot, and it is complete once synced', async () => {
    const stored = storedReport(50)
    const server = await serverWith(stored)
    const writer = new InProcessClient(server, 'doc')
    await waitUntil(() => writer.synced, 'the writer synced')
    const body = writer.doc.getText('body')
    body.insert(0, 'First. ')
    body.delete(10, 5)
    body.insert(body.length, 'Last.')
    await waitUntil(() => server.connectionCount === 1, 'connected')
    await new Promise((resolve) => setTimeout(resolve, 20))

    const late = new InProcessClient(server, 'doc')
    await waitUntil(() => late.synced, 'the late client synced')
    expect(late.doc.getText('body').toString()).toBe(body.toString())
    // The three edits since, merged into one update, then the stored state itself as sync step 2.
    const carried = late.received.map(carriedUpdate).filter((value) => value !== null)
    expect(carried.map((value) => value?.kind).slice(0, 2)).toEqual(['update', 'step2'])
    expect(carried[1]?.update).toEqual(stored)
  })

  it('answers a client that holds part of the document with a diff, and it converges', async () => {
    const server = await serverWith(storedReport(20))
    const writer = new InProcessClient(server, 'doc')
    await waitUntil(() => writer.synced, 'the writer synced')
    writer.doc.getText('body').insert(0, 'Edited. ')

    const partial = new InProcessClient(server, 'doc')
    partial.doc.getText('notes').insert(0, 'offline note')
    await waitUntil(
      () =>
        partial.doc.getText('body').toString() === writer.doc.getText('body').toString() &&
        writer.doc.getText('notes').toString() === 'offline note',
      'both converged',
    )
  })

  it('falls back to encoding the document once many updates followed the snapshot, and still converges', async () => {
    const server = await serverWith(storedReport(5))
    const writer = new InProcessClient(server, 'doc')
    await waitUntil(() => writer.synced, 'the writer synced')
    const body = writer.doc.getText('body')
    for (let i = 0; i < 600; i++) body.insert(body.length, 'x')
    await waitUntil(() => server.connectionCount === 1, 'connected')
    await new Promise((resolve) => setTimeout(resolve, 20))

    const late = new InProcessClient(server, 'doc')
    await waitUntil(() => late.doc.getText('body').toString() === body.toString(), 'the late client converged')
    const carried = late.received.map(carriedUpdate).filter((value) => value !== null)
    expect(carried.filter((value) => value?.kind === 'update')).toHaveLength(0)
  })
})
