import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as authProtocol from 'y-protocols/auth'
import * as syncProtocol from 'y-protocols/sync'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CollabServer } from '../CollabServer.js'
import { encodeUpdateMessage } from '../messages.js'
import { MemoryDocumentStore } from '../MemoryDocumentStore.js'
import { messageAuth, messageAwareness, messageSync } from '../protocol.js'
import { delivered } from './delivered.js'
import { InProcessClient } from './InProcessClient.js'
import { loadStoredDoc } from './loadStoredDoc.js'
import { RecordingLogger } from './RecordingLogger.js'
import { waitUntil } from './waitUntil.js'

function messageKind(data: Uint8Array): string {
  const decoder = decoding.createDecoder(data)
  const type = decoding.readVarUint(decoder)
  if (type === messageAwareness) return 'awareness'
  if (type === messageAuth) return 'auth'
  if (type !== messageSync) return `type ${type}`
  return ['step1', 'step2', 'update'][decoding.readVarUint(decoder)] ?? 'unknown sync'
}

function updateWithText(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('body').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

const servers: CollabServer[] = []
function startServer(store: MemoryDocumentStore, logger = new RecordingLogger()): CollabServer {
  const server = new CollabServer({ store, logger, flushDelayMs: 1 })
  servers.push(server)
  return server
}

afterEach(async () => {
  await Promise.allSettled(servers.splice(0).map((server) => server.destroy()))
})

describe('read-only connections', () => {
  it('are told permission-denied "read-only" right after sync step 1, and still sync the document', async () => {
    const store = new MemoryDocumentStore()
    await store.append('doc', updateWithText('the report'))
    const server = startServer(store)
    const reader = new InProcessClient(server, 'doc', { readOnly: true })
    await waitUntil(() => reader.synced, 'the reader synced')

    expect(reader.connection.readOnly).toBe(true)
    expect(reader.received.map(messageKind).slice(0, 3)).toEqual(['step1', 'auth', 'step2'])
    const decoder = decoding.createDecoder(reader.received[1] as Uint8Array)
    expect(decoding.readVarUint(decoder)).toBe(messageAuth)
    let deniedReason: string | null = null
    authProtocol.readAuthMessage(decoder, reader.doc, (_doc, reason) => {
      deniedReason = reason
    })
    expect(deniedReason).toBe('read-only')
    expect(reader.doc.getText('body').toString()).toBe('the report')
  })

  it('drop sync step 2 and updates: never applied, relayed or stored, and counted at debug', async () => {
    const store = new MemoryDocumentStore()
    await store.append('doc', updateWithText('original'))
    const logger = new RecordingLogger()
    const server = startServer(store, logger)
    const writer = new InProcessClient(server, 'doc')
    // Local content the server lacks: the reader's sync step 2 will carry it.
    const reader = new InProcessClient(server, 'doc', { readOnly: true })
    reader.doc.getText('offline').insert(0, 'typed before syncing')
    await waitUntil(() => writer.synced && reader.synced, 'both synced')
    const writerReceived = writer.received.length

    for (let index = 0; index < 10; index++) reader.doc.getText('body').insert(0, 'x')
    reader.send(encodeUpdateMessage(updateWithText('forged')))
    await delivered()
    await server.flush()

    expect(reader.closeCode).toBeNull()
    expect(writer.received.slice(writerReceived).map(messageKind)).not.toContain('update')
    expect(writer.doc.getText('body').toString()).toBe('original')
    expect(writer.doc.getText('offline').toString()).toBe('')
    const stored = await loadStoredDoc(store, 'doc')
    expect(stored.getText('body').toString()).toBe('original')
    expect(stored.getText('offline').toString()).toBe('')
    expect(store.recordCount('doc')).toBe(1)

    // The writer still writes; the reader receives it.
    writer.doc.getText('body').insert(0, 'edited ')
    await waitUntil(() => reader.doc.getText('body').toString().includes('edited'), 'the edit reached the reader')
    const drops = logger.at('debug').filter((line) => line.message.includes('read-only'))
    expect(drops.map((line) => line.fields.droppedWrites)).toEqual([1, 10])
    reader.disconnect()
    await delivered()
    // The offline insert (sent as an update), the sync step 2, ten keystrokes and the forged update.
    const summary = logger.at('debug').find((line) => line.message.includes('Read-only connection closed'))
    expect(summary?.fields).toMatchObject({ documentName: 'doc', droppedWrites: 13 })
  })

  it('share awareness: their state is relayed to the other clients and removed when they leave', async () => {
    const server = startServer(new MemoryDocumentStore())
    const writer = new InProcessClient(server, 'doc')
    const reader = new InProcessClient(server, 'doc', { readOnly: true })
    await waitUntil(() => writer.synced && reader.synced, 'both synced')

    reader.awareness.setLocalState({ user: { name: 'Chair' }, section: 'summary' })
    await waitUntil(() => writer.awareness.getStates().has(reader.doc.clientID), 'the reader state arrived')
    expect(writer.awareness.getStates().get(reader.doc.clientID)).toEqual({
      user: { name: 'Chair' },
      section: 'summary',
    })
    reader.disconnect()
    await waitUntil(() => !writer.awareness.getStates().has(reader.doc.clientID), 'the reader state was removed')
  })

  it('answer sync step 1 at any time with what the reader lacks', async () => {
    const server = startServer(new MemoryDocumentStore())
    const writer = new InProcessClient(server, 'doc')
    const reader = new InProcessClient(server, 'doc', { readOnly: true })
    await waitUntil(() => writer.synced && reader.synced, 'both synced')
    writer.doc.getText('body').insert(0, 'news')
    await waitUntil(() => reader.doc.getText('body').toString() === 'news', 'the edit arrived')

    const empty = new Y.Doc()
    const before = reader.received.length
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, messageSync)
    syncProtocol.writeSyncStep1(encoder, empty)
    reader.send(encoding.toUint8Array(encoder))
    await waitUntil(() => reader.received.length > before, 'the answer arrived')
    await delivered()
    // A step 2, possibly after the updates since the state it carries (see StateSnapshot).
    const answer = reader.received.slice(before)
    expect(answer.map(messageKind)).toContain('step2')
    for (const message of answer) {
      expect(['step2', 'update']).toContain(messageKind(message))
      const decoder = decoding.createDecoder(message)
      decoding.readVarUint(decoder)
      decoding.readVarUint(decoder)
      Y.applyUpdate(empty, decoding.readVarUint8Array(decoder))
    }
    expect(empty.getText('body').toString()).toBe('news')
  })
})
