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

  it('commits the appends of one event-loop turn together, in one transaction, in call order', async () => {
    const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
    const insertedInTransaction: boolean[] = []
    db.function('note_insert', () => {
      insertedInTransaction.push(db.inTransaction)
      return null
    })
    db.exec('CREATE TEMP TRIGGER noted AFTER INSERT ON document_updates BEGIN SELECT note_insert(); END')
    const appends = docs.map((doc, index) => store.append(`doc-${index}`, textUpdate(doc, `text ${index}`)))
    // Nothing is written while the turn goes on; then all three in one explicit transaction.
    expect(insertedInTransaction).toEqual([])
    const ids = await Promise.all(appends)
    expect(insertedInTransaction).toEqual([true, true, true])
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
    expect(new Set(ids).size).toBe(3)
    for (const [index] of docs.entries()) expect(await storedText(store, `doc-${index}`)).toBe(`text ${index}`)
  })

  it('loads a row as verified only while its bytes match the checksum written with them', async () => {
    const doc = new Y.Doc()
    const kept = await store.append('a', textUpdate(doc, 'kept'))
    const altered = await store.append('a', textUpdate(doc, ' altered'))
    const flipped = db.prepare('SELECT "update" FROM document_updates WHERE id = ?').pluck().get(altered) as Buffer
    flipped[flipped.length - 2] = (flipped[flipped.length - 2] as number) ^ 1
    db.prepare('UPDATE document_updates SET "update" = ? WHERE id = ?').run(flipped, altered)
    db.prepare('INSERT INTO document_updates (document, "update") VALUES (?, ?)').run('a', textUpdate(doc, ' legacy'))

    const records = await store.load('a')
    expect(records.map((record) => [record.id === kept, record.verified])).toEqual([
      [true, true],
      [false, false],
      [false, false],
    ])
  })

  it('keeps the state vector a compaction gives with the merged record, covered by its checksum', async () => {
    const doc = new Y.Doc()
    const first = await store.append('a', textUpdate(doc, 'one'))
    const second = await store.append('a', textUpdate(doc, ' two'))
    const stateVector = Y.encodeStateVector(doc)
    const merged = await store.compact('a', Y.encodeStateAsUpdate(doc), [first, second], stateVector)
    const [record] = await store.load('a')
    expect(record).toMatchObject({ id: merged, verified: true, stateVector })

    const flipped = Buffer.from(stateVector)
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] as number) ^ 1
    db.prepare('UPDATE document_updates SET state_vector = ? WHERE id = ?').run(flipped, merged)
    expect((await store.load('a'))[0]?.verified).toBe(false)
  })

  it('adds the checksum column to a table made before it, and validates those older rows', async () => {
    const legacyFile = path.join(temp.dir, 'legacy.db')
    const legacy = openDatabase(legacyFile)
    legacy.exec(`CREATE TABLE document_updates (
      id INTEGER PRIMARY KEY AUTOINCREMENT, document TEXT NOT NULL, "update" BLOB NOT NULL,
      created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))`)
    legacy.prepare('INSERT INTO document_updates (document, "update") VALUES (?, ?)').run('a', textUpdate(new Y.Doc(), 'old'))
    try {
      const upgraded = new SqliteDocumentStore(legacy)
      await upgraded.append('a', textUpdate(new Y.Doc(), 'new'))
      expect((await upgraded.load('a')).map((record) => record.verified)).toEqual([false, true])
    } finally {
      legacy.close()
    }
  })

  it('commits appends still waiting for their group when the store closes', async () => {
    const pending = store.append('a', textUpdate(new Y.Doc(), 'just typed'))
    await store.close()
    await pending
    const reopened = new SqliteDocumentStore(db)
    expect(await storedText(reopened, 'a')).toBe('just typed')
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
