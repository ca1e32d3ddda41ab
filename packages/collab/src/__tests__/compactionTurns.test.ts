import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DocumentPersistence } from '../DocumentPersistence.js'
import { silentLogger } from '../Logger.js'
import { MemoryDocumentStore } from '../MemoryDocumentStore.js'
import { waitUntil } from './waitUntil.js'

describe('compactions as background work', () => {
  it('wait for their turn, so documents that reach their record count together do not all merge at once', async () => {
    const store = new MemoryDocumentStore()
    const granted: (() => void)[] = []
    const turns = { next: () => new Promise<void>((resolve) => granted.push(resolve)) }
    const doc = new Y.Doc()
    const persistence = new DocumentPersistence({
      store,
      documentName: 'doc',
      logger: silentLogger,
      flushDelayMs: 1,
      compactAfterRecords: 2,
      encodeState: () => Y.encodeStateAsUpdate(doc),
      loadedRecordIds: [],
      encodeStateVector: () => Y.encodeStateVector(doc),
      turns,
    })
    doc.on('update', (update: Uint8Array) => persistence.add(update))
    const text = doc.getText('summary')
    text.insert(0, 'Agreed')
    await persistence.flush()
    text.insert(6, ': more funding')
    await persistence.flush()

    await waitUntil(() => granted.length === 1, 'the compaction asked for its turn')
    expect(await store.load('doc')).toHaveLength(2)
    text.insert(0, '[1] ')
    ;(granted[0] as () => void)()
    await persistence.settle()
    const records = await store.load('doc')
    expect(records).toHaveLength(1)
    const stored = new Y.Doc()
    Y.applyUpdate(stored, (records[0] as { update: Uint8Array }).update)
    expect(stored.getText('summary').toString()).toBe('[1] Agreed: more funding')
  })
})
