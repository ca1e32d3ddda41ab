import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CollabServer } from '../CollabServer.js'
import { encodeSyncStep2UpdateMessage, encodeUpdateMessage } from '../messages.js'
import { MemoryDocumentStore } from '../MemoryDocumentStore.js'
import { CloseCode } from '../protocol.js'
import type { RefuseUpdate } from '../RefuseUpdate.js'
import { InProcessClient } from './InProcessClient.js'
import { loadStoredDoc } from './loadStoredDoc.js'
import { RawClient } from './RawClient.js'
import { waitUntil } from './waitUntil.js'

const servers: CollabServer[] = []
afterEach(async () => {
  await Promise.allSettled(servers.splice(0).map((server) => server.destroy()))
})

function insert(name: string, text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText(name).insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

describe('refuseUpdate', () => {
  it('closes with the code it returns and leaves the document unchanged; other updates apply', async () => {
    const store = new MemoryDocumentStore()
    const calls: { documentName: string; context: unknown; bodyBefore: string }[] = []
    // Refuses any write to the old layout's `legacy` text.
    const refuseUpdate: RefuseUpdate = (update, doc, documentName, context) => {
      calls.push({ documentName, context, bodyBefore: doc.getText('body').toString() })
      const probe = new Y.Doc()
      Y.applyUpdate(probe, update)
      return probe.share.has('legacy') ? { code: CloseCode.ClientOutdated, reason: 'Reload the page' } : null
    }
    const server = new CollabServer({ store, flushDelayMs: 1, refuseUpdate })
    servers.push(server)
    const watcher = new InProcessClient(server, 'doc')
    await waitUntil(() => watcher.synced, 'the watcher synced')

    const good = new RawClient(server, 'doc', {}, 'good writer')
    good.receive(encodeUpdateMessage(insert('body', 'kept')))
    await waitUntil(() => watcher.doc.getText('body').toString() === 'kept', 'the good update arrived')
    const outdated = new RawClient(server, 'doc', {}, 'old tab')
    outdated.receive(encodeSyncStep2UpdateMessage(insert('legacy', 'old layout')))
    expect(outdated.closeCode).toBe(CloseCode.ClientOutdated)
    const reader = new RawClient(server, 'doc', { readOnly: true }, 'reader')
    reader.receive(encodeUpdateMessage(insert('legacy', 'dropped')))

    await server.flush()
    expect(watcher.doc.share.has('legacy')).toBe(false)
    expect(good.closeCode).toBeNull()
    const stored = await loadStoredDoc(store, 'doc')
    expect(stored.getText('body').toString()).toBe('kept')
    expect(stored.getText('legacy').toString()).toBe('')
    // Called for writers' updates only (the watcher's empty sync step 2 too), with the room's doc and the context.
    expect(calls.map((call) => call.context)).toEqual(expect.arrayContaining(['good writer', 'old tab']))
    expect(calls.some((call) => call.context === 'reader')).toBe(false)
    expect(calls.every((call) => call.documentName === 'doc')).toBe(true)
  })

  it('closes with 1011 and applies nothing when it throws', async () => {
    const store = new MemoryDocumentStore()
    const server = new CollabServer({
      store,
      flushDelayMs: 1,
      refuseUpdate: () => {
        throw new Error('boom')
      },
    })
    servers.push(server)
    const writer = new RawClient(server, 'doc')
    writer.receive(encodeUpdateMessage(insert('body', 'never')))
    await server.flush()
    expect(writer.closeCode).toBe(1011)
    expect((await loadStoredDoc(store, 'doc')).getText('body').toString()).toBe('')
  })
})
