import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CollabServer } from '../CollabServer.js'
import { MemoryDocumentStore } from '../MemoryDocumentStore.js'
import { delivered } from './delivered.js'
import { InProcessClient } from './InProcessClient.js'
import { loadStoredDoc } from './loadStoredDoc.js'
import { RecordingLogger } from './RecordingLogger.js'
import { waitUntil } from './waitUntil.js'

const SECRET = new TextEncoder().encode('SECRET')
const MASK = new TextEncoder().encode('------')

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let start = 0; start + needle.length <= haystack.length; start++) {
    for (let offset = 0; offset < needle.length; offset++) {
      if (haystack[start + offset] !== needle[offset]) continue outer
    }
    return start
  }
  return -1
}

function containsSecret(messages: readonly Uint8Array[]): boolean {
  return messages.some((message) => indexOfBytes(message, SECRET) !== -1)
}

/**
 * A trivial redactor: masks the ASCII bytes "SECRET" inside inserted strings. The masked string has the same
 * byte and UTF-16 length, so the update stays valid and keeps every id. Counts its calls.
 */
class MaskingRedactor {
  calls = 0
  failing = false
  readonly redact = (update: Uint8Array, doc: Y.Doc): Uint8Array => {
    this.calls++
    if (this.failing) throw new Error('redactor failed')
    expect(doc).toBeInstanceOf(Y.Doc)
    let at = indexOfBytes(update, SECRET)
    if (at === -1) return update
    const copy = update.slice()
    while (at !== -1) {
      copy.set(MASK, at)
      at = indexOfBytes(copy, SECRET)
    }
    return copy
  }
}

const servers: CollabServer[] = []
function startServer(store: MemoryDocumentStore, redactor: MaskingRedactor, logger = new RecordingLogger()): CollabServer {
  const server = new CollabServer({ store, logger, flushDelayMs: 1, redactForReadOnly: redactor.redact })
  servers.push(server)
  return server
}

afterEach(async () => {
  await Promise.allSettled(servers.splice(0).map((server) => server.destroy()))
})

function body(client: InProcessClient): string {
  return client.doc.getText('body').toString()
}

describe('redactForReadOnly', () => {
  it('read-only connections receive redacted updates, computed once per update; writers receive the original', async () => {
    const store = new MemoryDocumentStore()
    const redactor = new MaskingRedactor()
    const server = startServer(store, redactor)
    const writer = new InProcessClient(server, 'doc')
    const otherWriter = new InProcessClient(server, 'doc')
    const readers = [0, 1].map(() => new InProcessClient(server, 'doc', { readOnly: true }))
    await waitUntil(() => [writer, otherWriter, ...readers].every((client) => client.synced), 'all synced')
    const callsBefore = redactor.calls

    writer.doc.getText('body').insert(0, 'a SECRET plan')
    await waitUntil(() => readers.every((reader) => body(reader).length === 13), 'the readers received the edit')
    await waitUntil(() => body(otherWriter).length === 13, 'the other writer received the edit')

    expect(redactor.calls - callsBefore).toBe(1)
    for (const reader of readers) {
      expect(body(reader)).toBe('a ------ plan')
      expect(containsSecret(reader.received)).toBe(false)
      // Same ids: the reader's state vector is the server's.
      expect(Y.encodeStateVector(reader.doc)).toEqual(Y.encodeStateVector(writer.doc))
    }
    expect(body(otherWriter)).toBe('a SECRET plan')
    expect(containsSecret(otherWriter.received)).toBe(true)

    // Later edits build on the redacted items: readers keep converging on the ids.
    writer.doc.getText('body').insert(13, '!')
    await waitUntil(() => readers.every((reader) => body(reader) === 'a ------ plan!'), 'the readers got the next edit')
    await server.flush()
    expect((await loadStoredDoc(store, 'doc')).getText('body').toString()).toBe('a SECRET plan!')
  })

  it("answers a read-only connection's sync step 1 with a redacted sync step 2, a writer's with the original", async () => {
    const store = new MemoryDocumentStore()
    const seed = new Y.Doc()
    seed.getText('body').insert(0, 'stored SECRET')
    await store.append('doc', Y.encodeStateAsUpdate(seed))
    const redactor = new MaskingRedactor()
    const server = startServer(store, redactor)

    const reader = new InProcessClient(server, 'doc', { readOnly: true })
    const writer = new InProcessClient(server, 'doc')
    await waitUntil(() => reader.synced && writer.synced, 'both synced')

    expect(body(reader)).toBe('stored ------')
    expect(containsSecret(reader.received)).toBe(false)
    expect(body(writer)).toBe('stored SECRET')
  })

  it('is never called while no read-only connection is started', async () => {
    const redactor = new MaskingRedactor()
    const server = startServer(new MemoryDocumentStore(), redactor)
    const writer = new InProcessClient(server, 'doc')
    const otherWriter = new InProcessClient(server, 'doc')
    await waitUntil(() => writer.synced && otherWriter.synced, 'both synced')

    writer.doc.getText('body').insert(0, 'SECRET')
    await waitUntil(() => body(otherWriter) === 'SECRET', 'the other writer received the edit')

    expect(redactor.calls).toBe(0)
  })

  it('closes the read-only connections (1011) and never sends them the original when the redactor throws', async () => {
    const logger = new RecordingLogger()
    const redactor = new MaskingRedactor()
    const server = startServer(new MemoryDocumentStore(), redactor, logger)
    const writer = new InProcessClient(server, 'doc')
    const reader = new InProcessClient(server, 'doc', { readOnly: true })
    await waitUntil(() => writer.synced && reader.synced, 'both synced')

    redactor.failing = true
    writer.doc.getText('body').insert(0, 'SECRET')
    await delivered()
    await delivered()

    expect(reader.closeCode).toBe(1011)
    expect(containsSecret(reader.received)).toBe(false)
    expect(writer.closeCode).toBeNull()
  })
})
