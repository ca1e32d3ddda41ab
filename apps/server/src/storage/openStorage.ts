import path from 'node:path'
import type { Database } from 'better-sqlite3'
import { SqliteInvites } from '../auth/SqliteInvites.js'
import { SqliteReportStatus } from '../dashboard/SqliteReportStatus.js'
import { SqliteCatalog } from './SqliteCatalog.js'
import { SqliteDocumentStore } from './SqliteDocumentStore.js'
import { openDatabase } from './openDatabase.js'
import { WalSync } from './WalSync.js'

/** Name of the SQLite file inside the data directory. */
export const DATABASE_FILE = 'rapporteur.db'

/** Everything the server keeps, in one SQLite database. */
export interface Storage {
  /** The catalog's, invites' and versions' connection (`synchronous = FULL`). */
  readonly db: Database
  /**
   * The documents' own connection to the same file: `synchronous = NORMAL`, the store syncing the WAL itself off
   * the event loop after each write (`WalSync`), so a slow disk never stalls the relay; report statuses are
   * written there too (derived data, not synced). Close it after the store.
   */
  readonly documentsDb: Database
  readonly catalog: SqliteCatalog
  readonly invites: SqliteInvites
  readonly store: SqliteDocumentStore
  readonly reportStatus: SqliteReportStatus
}

/** Opens `<dataDir>/rapporteur.db` with its tables (created if missing); closes it again if that fails. */
export function openStorage(dataDir: string): Storage {
  const file = path.join(dataDir, DATABASE_FILE)
  const db = openDatabase(file)
  let documentsDb: Database | null = null
  try {
    const catalog = new SqliteCatalog(db)
    const invites = new SqliteInvites(db)
    documentsDb = openDatabase(file, { synchronous: 'NORMAL' })
    // Statuses are derived (recomputed when a report loads): no sync needed, and none on the event loop.
    const reportStatus = new SqliteReportStatus(documentsDb)
    const store = new SqliteDocumentStore(documentsDb, { walSync: new WalSync(`${file}-wal`) })
    return { db, documentsDb, catalog, invites, store, reportStatus }
  } catch (error) {
    documentsDb?.close()
    db.close()
    throw error
  }
}
