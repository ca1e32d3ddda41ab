import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CollabServer } from '../CollabServer.js'
import { MemoryDocumentStore } from '../MemoryDocumentStore.js'
import { InProcessClient } from './InProcessClient.js'
import { RecordingLogger } from './RecordingLogger.js'
import { waitUntil } from './waitUntil.js'

const servers: CollabServer[] = []
afterEach(async () => {
  await Promise.allSettled(servers.splice(0).map((server) => server.destroy()))
})

function textUpdate(text: string): { doc: Y.Doc; update: Uint8Array } {
  const doc = new Y.Doc()
  doc.getText('body').insert(0, text)
  return { doc, update: Y.encodeStateAsUpdate(doc) }
}

describe('stored records that do not decode', () => {
  it('are moved to quarantine, logged at error, and the document loads with the rest', async () => {
    const store = new MemoryDocumentStore()
    const good = textUpdate('kept')
    const goodId = await store.append('doc', good.update)
    const garbageId = await store.append('doc', new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255, 255, 1]))
    const truncated = textUpdate('truncated').update
    const truncatedId = await store.append('doc', truncated.slice(0, truncated.byteLength - 3))
    const logger = new RecordingLogger()
    const server = new CollabServer({ store, logger, flushDelayMs: 1 })
    servers.push(server)

    const client = new InProcessClient(server, 'doc')
    await waitUntil(() => client.synced, 'the client synced')

    expect(client.doc.getText('body').toString()).toBe('kept')
    expect(client.closeCode).toBeNull()
    expect((await store.load('doc')).map((record) => record.id)).toEqual([goodId])
    expect(store.quarantinedRecords('doc').map((record) => record.id)).toEqual([garbageId, truncatedId])
    const errors = logger.at('error')
    expect(errors).toHaveLength(1)
    expect(errors[0]?.fields).toMatchObject({ documentName: 'doc', recordIds: [garbageId, truncatedId] })

    // The document keeps working and storing.
    client.doc.getText('body').insert(4, '!')
    await server.flush()
    const reloaded = new Y.Doc()
    for (const record of await store.load('doc')) Y.applyUpdate(reloaded, record.update)
    expect(reloaded.getText('body').toString()).toBe('kept!')
  })
})
