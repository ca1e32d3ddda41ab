import path from 'node:path'
import type { Database } from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createTempDirectory } from '../../collab/__tests__/createTempDirectory.js'
import { SqliteDocumentStore } from '../SqliteDocumentStore.js'
import { openDatabase } from '../openDatabase.js'

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc)
  doc.getText('body').insert(doc.getText('body').length, text)
  return Y.encodeStateAsUpdate(doc, before)
}

async function storedText(store: SqliteDocumentStore, documentName: string): Promise<string> {
  const doc = new Y.Doc()
  for (const record of await store.load(documentName)) Y.applyUpdate(doc, record.update)
  return doc.getText('body').toString()
}

describe('SqliteDocumentStore', () => {
  let temp: ReturnType<typeof createTempDirectory>
  let file: string
  let db: Database
  let store: SqliteDocumentStore

  beforeEach(() => {
    temp = createTempDirectory('rapporteur-store-')
    file = path.join(temp.dir, 'nested', 'rapporteur.db')
    db = openDatabase(file)
    store = new SqliteDocumentStore(db)
  })

  afterEach(() => {
    if (db.open) db.close()
    temp.remove()
  })

  it('opens the file in WAL mode with durable commits, creating its directory', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
  })

  it('appends updates and loads them back in order, per document', async () => {
    const doc = new Y.Doc()
    const first = await store.append('a', textUpdate(doc, 'Hello'))
    const second = await store.append('a', textUpdate(doc, ', world'))
    await store.append('b', textUpdate(new Y.Doc(), 'other'))

    const records = await store.load('a')
    expect(records.map((record) => record.id)).toEqual([first, second])
    expect(records[0]?.update).toBeInstanceOf(Uint8Array)
    expect(await storedText(store, 'a')).toBe('Hello, world')
    expect(await store.load('never-written')).toEqual([])
  })

  it('compacts exactly the listed records and keeps records appended concurrently', async () => {
    const doc = new Y.Doc()
    const merged = [await store.append('a', textUpdate(doc, 'one ')), await store.append('a', textUpdate(doc, 'two '))]
    const concurrent = await store.append('a', textUpdate(new Y.Doc(), 'concurrent'))
    await store.append('b', textUpdate(new Y.Doc(), 'untouched'))

    const mergedId = await store.compact('a', Y.encodeStateAsUpdate(doc), merged)

    const ids = (await store.load('a')).map((record) => record.id)
    expect(ids).toEqual([concurrent, mergedId])
    expect(await storedText(store, 'a')).toContain('one two ')
    expect(await storedText(store, 'a')).toContain('concurrent')
    expect(await storedText(store, 'b')).toBe('untouched')
  })

  it('leaves the records alone when a compaction fails', async () => {
    const doc = new Y.Doc()
    const ids = [await store.append('a', textUpdate(doc, 'safe'))]
    db.exec(`CREATE TRIGGER refuse_insert BEFORE INSERT ON document_updates
      BEGIN SELECT RAISE(ABORT, 'disk full'); END`)

    await expect(store.compact('a', Y.encodeStateAsUpdate(doc), ids)).rejects.toThrow('disk full')
    expect((await store.load('a')).map((record) => record.id)).toEqual(ids)
  })

  it('reads back what was written after the file is closed and reopened', async () => {
    const doc = new Y.Doc()
    await store.append('a', textUpdate(doc, 'persisted'))
    await store.close()
    await expect(store.load('a')).rejects.toThrow('closed')
    db.close()

    db = openDatabase(file)
    store = new SqliteDocumentStore(db)
    expect(await storedText(store, 'a')).toBe('persisted')
  })

  it('moves quarantined records, whole, to document_updates_quarantine in one transaction', async () => {
    const doc = new Y.Doc()
    const kept = await store.append('a', textUpdate(doc, 'kept'))
    const bad = await store.append('a', new Uint8Array([1, 2, 3]))
    const other = await store.append('b', textUpdate(new Y.Doc(), 'other'))

    await store.quarantine('a', [bad, other])

    expect((await store.load('a')).map((record) => record.id)).toEqual([kept])
    // Only the named document's records move.
    expect((await store.load('b')).map((record) => record.id)).toEqual([other])
    const rows = db
      .prepare<[], { id: number; document: string; update: Buffer; quarantined_at: string }>(
        'SELECT id, document, "update", quarantined_at FROM document_updates_quarantine',
      )
      .all()
    expect(rows.map((row) => [row.id, row.document, [...row.update]])).toEqual([[bad, 'a', [1, 2, 3]]])
    expect(rows[0]?.quarantined_at).toMatch(/^\d{4}-\d\d-\d\dT/)
  })

  it('quarantines nothing when the move fails half-way', async () => {
    const first = await store.append('a', new Uint8Array([9]))
    const second = await store.append('a', new Uint8Array([8]))
    db.exec(`CREATE TRIGGER refuse_second BEFORE INSERT ON document_updates_quarantine
      WHEN NEW.id = ${second} BEGIN SELECT RAISE(ABORT, 'disk full'); END`)

    await expect(store.quarantine('a', [first, second])).rejects.toThrow('disk full')
    expect((await store.load('a')).map((record) => record.id)).toEqual([first, second])
    expect(db.prepare('SELECT COUNT(*) AS n FROM document_updates_quarantine').get()).toEqual({ n: 0 })
  })
})
