import path from 'node:path'
import { MemoryDocumentStore, silentLogger, type DocumentStore } from '@rapporteur/collab'
import type { Database } from 'better-sqlite3'
import { Pool } from 'pg'
import { afterAll, beforeAll, describe } from 'vitest'
import { createTempDirectory } from '../../collab/__tests__/createTempDirectory.js'
import { PostgresDocumentStore } from '../PostgresDocumentStore.js'
import { SqliteDocumentStore } from '../SqliteDocumentStore.js'
import { openDatabase } from '../openDatabase.js'
import { migrate } from '../postgres/migrate.js'
import { describeDocumentStoreContract } from './documentStoreContract.js'
import { postgresTestDatabase } from './postgresTestDatabase.js'

describeDocumentStoreContract('MemoryDocumentStore', () => {
  const store = new MemoryDocumentStore()
  return { store, quarantined: async (documentName) => store.quarantinedRecords(documentName) }
})

describeDocumentStoreContract('SqliteDocumentStore', () => {
  const temp = createTempDirectory('rapporteur-contract-')
  const file = path.join(temp.dir, 'rapporteur.db')
  let db: Database = openDatabase(file)
  return {
    store: new SqliteDocumentStore(db),
    reopen: async () => {
      db.close()
      db = openDatabase(file)
      return new SqliteDocumentStore(db)
    },
    quarantined: async (documentName) =>
      db
        .prepare<[string], { id: number; update: Buffer }>(
          'SELECT id, "update" FROM document_updates_quarantine WHERE document = ? ORDER BY id',
        )
        .all(documentName)
        .map((row) => ({ id: row.id, update: new Uint8Array(row.update) })),
    dispose: async () => {
      if (db.open) db.close()
      temp.remove()
    },
  }
})

const database = await postgresTestDatabase()

describe.skipIf(database === null)('on PostgreSQL', () => {
  /** Reads the tables behind the stores, and empties them between tests. */
  let inspector: Pool

  beforeAll(async () => {
    inspector = new Pool({ connectionString: database?.url })
    await migrate(inspector, silentLogger)
  })

  afterAll(async () => {
    await inspector?.end()
    await database?.drop()
  })

  describeDocumentStoreContract('PostgresDocumentStore', async () => {
    await inspector.query('TRUNCATE document_updates, document_updates_quarantine')
    const opened: DocumentStore[] = []
    const open = (): PostgresDocumentStore => {
      const store = new PostgresDocumentStore(String(database?.url), silentLogger)
      opened.push(store)
      return store
    }
    return {
      store: open(),
      reopen: async () => open(),
      quarantined: async (documentName) => {
        const { rows } = await inspector.query<{ id: string; update: Buffer }>(
          'SELECT id, "update" FROM document_updates_quarantine WHERE document_name = $1 ORDER BY id',
          [documentName],
        )
        return rows.map((row) => ({ id: Number(row.id), update: new Uint8Array(row.update) }))
      },
      dispose: async () => {
        await Promise.all(opened.map((store) => store.close()))
      },
    }
  })
})
