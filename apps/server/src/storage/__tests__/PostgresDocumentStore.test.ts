import { silentLogger, type Logger } from '@rapporteur/collab'
import { Pool } from 'pg'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { PostgresDocumentStore } from '../PostgresDocumentStore.js'
import { migrate } from '../postgres/migrate.js'
import { postgresTestDatabase } from './postgresTestDatabase.js'

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc)
  doc.getText('body').insert(doc.getText('body').length, text)
  return Y.encodeStateAsUpdate(doc, before)
}

function merged(records: readonly { update: Uint8Array }[]): Y.Doc {
  const doc = new Y.Doc()
  for (const record of records) Y.applyUpdate(doc, record.update)
  return doc
}

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = []
  return { ...silentLogger, warnings, warn: (message) => warnings.push(message) }
}

const database = await postgresTestDatabase()

describe.skipIf(database === null)('PostgresDocumentStore', () => {
  const url = String(database?.url)
  let db: Pool
  const stores: PostgresDocumentStore[] = []
  const open = (logger: Logger = silentLogger): PostgresDocumentStore => {
    const store = new PostgresDocumentStore(url, logger)
    stores.push(store)
    return store
  }

  beforeAll(async () => {
    db = new Pool({ connectionString: url })
    await PostgresDocumentStore.open(url, silentLogger).then((store) => store.close())
  })
  beforeEach(() => db.query('TRUNCATE document_updates, document_updates_quarantine').then(() => undefined))
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()))
  })
  afterAll(async () => {
    await db?.end()
    await database?.drop()
  })

  it('runs each migration once: a second run, or two servers migrating at once, changes nothing', async () => {
    const fresh = await postgresTestDatabase()
    const pools = [new Pool({ connectionString: fresh?.url }), new Pool({ connectionString: fresh?.url })]
    try {
      const together = await Promise.all(pools.map((pool) => migrate(pool, silentLogger)))
      expect(together.flat()).toEqual([1])
      expect(await migrate(pools[0] as Pool, silentLogger)).toEqual([])
      const { rows } = await (pools[0] as Pool).query('SELECT version, name FROM schema_migrations')
      expect(rows).toEqual([{ version: 1, name: 'document_updates' }])
    } finally {
      await Promise.all(pools.map((pool) => pool.end()))
      await fresh?.drop()
    }
  })

  it('commits the appends of one event-loop turn in one transaction, ids in call order', async () => {
    const store = open()
    const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
    const ids = await Promise.all(docs.map((doc, i) => store.append(`doc-${i}`, textUpdate(doc, `text ${i}`))))
    expect(ids).toEqual([...ids].sort((a, b) => a - b))
    const { rows } = await db.query<{ xmin: string }>('SELECT xmin::text FROM document_updates')
    expect(new Set(rows.map((row) => row.xmin)).size).toBe(1)
    for (const [index, id] of ids.entries()) expect((await store.load(`doc-${index}`))[0]?.id).toBe(id)
  })

  it('loads a row as verified only while its bytes (and state vector) match the checksum written with them', async () => {
    const store = open()
    const doc = new Y.Doc()
    const kept = await store.append('a', textUpdate(doc, 'kept'))
    const altered = await store.append('a', textUpdate(doc, ' altered'))
    await db.query(`UPDATE document_updates SET "update" = set_byte("update", length("update") - 2,
      get_byte("update", length("update") - 2) # 1) WHERE id = $1`, [altered])
    const byHand = textUpdate(doc, ' by hand')
    await db.query(`INSERT INTO document_updates (document_name, "update") VALUES ('a', $1)`, [byHand])
    expect((await store.load('a')).map((record) => [record.id === kept, record.verified])).toEqual([
      [true, true],
      [false, false],
      [false, false],
    ])

    const stateVector = Y.encodeStateVector(doc)
    const compacted = await store.compact('b', Y.encodeStateAsUpdate(doc), [], stateVector)
    expect((await store.load('b'))[0]).toMatchObject({ id: compacted, verified: true, stateVector })
    await db.query(
      'UPDATE document_updates SET state_vector = set_byte(state_vector, 0, get_byte(state_vector, 0) # 1) WHERE id = $1',
      [compacted],
    )
    expect((await store.load('b'))[0]?.verified).toBe(false)
  })

  it('loses nothing when two servers compact one document at once', async () => {
    const logger = recordingLogger()
    const [first, second] = [open(logger), open(logger)]
    const writer = new Y.Doc()
    for (const text of ['one ', 'two ', 'three ']) await first.append('a', textUpdate(writer, text))
    const seenByFirst = await first.load('a')
    await second.append('a', textUpdate(writer, 'four '))
    const seenBySecond = await second.load('a')
    const compactionOf = (store: PostgresDocumentStore, records: typeof seenByFirst): Promise<number> => {
      const doc = merged(records)
      const ids = records.map((record) => record.id)
      return store.compact('a', Y.encodeStateAsUpdate(doc), ids, Y.encodeStateVector(doc))
    }

    const [mergedByFirst, mergedBySecond] = await Promise.all([
      compactionOf(first, seenByFirst),
      compactionOf(second, seenBySecond),
      first.append('a', textUpdate(writer, 'five')),
    ])

    const records = await first.load('a')
    const ids = records.map((record) => record.id)
    for (const old of seenBySecond) expect(ids).not.toContain(old.id)
    expect(ids).toEqual(expect.arrayContaining([mergedByFirst, mergedBySecond]))
    expect(merged(records).getText('body').toString()).toBe('one two three four five')
    expect(records.every((record) => record.verified)).toBe(true)
    // The second compaction, run after the first under the lock, found part of its records already replaced.
    expect(logger.warnings).toEqual(['Compaction found records already replaced'])
  })

  it("waits for the document's advisory lock to compact it, and only for that document's", async () => {
    const store = open()
    const doc = new Y.Doc()
    const ids = [await store.append('a', textUpdate(doc, 'locked'))]
    const holder = await db.connect()
    try {
      await holder.query('BEGIN')
      const lockClass = PostgresDocumentStore.documentLockClass
      await holder.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [lockClass, 'a'])
      let settled = false
      const compaction = store.compact('a', Y.encodeStateAsUpdate(doc), ids).finally(() => (settled = true))
      const waiting = async (): Promise<number | null> =>
        (await db.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")).rowCount
      await expect.poll(waiting).toBe(1)
      await store.compact('b', textUpdate(new Y.Doc(), 'free'), [])
      expect(settled).toBe(false)
      await holder.query('COMMIT')
      const mergedId = await compaction
      expect((await store.load('a')).map((record) => record.id)).toEqual([mergedId])
    } finally {
      await holder.query('ROLLBACK') // a no-op after the COMMIT; ends the lock if the test failed before it
      holder.release()
    }
  })

  it('leaves the records alone when a compaction fails', async () => {
    const store = open()
    const doc = new Y.Doc()
    const ids = [await store.append('a', textUpdate(doc, 'safe')), await store.append('a', textUpdate(doc, ' still'))]
    await db.query(`CREATE FUNCTION refuse_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'disk full'; END $$`)
    await db.query(`CREATE TRIGGER refuse_insert BEFORE INSERT ON document_updates
      FOR EACH ROW WHEN (NEW.state_vector IS NOT NULL) EXECUTE FUNCTION refuse_insert()`)
    try {
      const compaction = store.compact('a', Y.encodeStateAsUpdate(doc), ids, Y.encodeStateVector(doc))
      await expect(compaction).rejects.toThrow('disk full')
      expect((await store.load('a')).map((record) => record.id)).toEqual(ids)
    } finally {
      await db.query('DROP TRIGGER refuse_insert ON document_updates; DROP FUNCTION refuse_insert()')
    }
  })

  it('moves quarantined rows whole: bytes, checksum, state vector and creation time', async () => {
    const store = open()
    const doc = new Y.Doc()
    const id = await store.compact('a', textUpdate(doc, 'odd'), [], Y.encodeStateVector(doc))
    const [before] = (await db.query('SELECT * FROM document_updates WHERE id = $1', [id])).rows
    await store.quarantine('a', [id])
    const [after] = (await db.query('SELECT * FROM document_updates_quarantine WHERE id = $1', [id])).rows
    expect(after).toEqual({ ...before, quarantined_at: expect.any(Date) })
    expect(await store.load('a')).toEqual([])
  })
})
