import path from 'node:path'
import type { Database } from 'better-sqlite3'
import { SqliteInvites } from '../auth/SqliteInvites.js'
import { SqliteReportStatus } from '../dashboard/SqliteReportStatus.js'
import { SqliteCatalog } from './SqliteCatalog.js'
import { SqliteDocumentStore } from './SqliteDocumentStore.js'
import { openDatabase } from './openDatabase.js'

/** Name of the SQLite file inside the data directory. */
export const DATABASE_FILE = 'rapporteur.db'

/** Everything the server keeps, in one SQLite database. */
export interface Storage {
  readonly db: Database
  readonly catalog: SqliteCatalog
  readonly invites: SqliteInvites
  readonly store: SqliteDocumentStore
  readonly reportStatus: SqliteReportStatus
}

/** Opens `<dataDir>/rapporteur.db` with its tables (created if missing); closes it again if that fails. */
export function openStorage(dataDir: string): Storage {
  const db = openDatabase(path.join(dataDir, DATABASE_FILE))
  try {
    return {
      db,
      catalog: new SqliteCatalog(db),
      invites: new SqliteInvites(db),
      store: new SqliteDocumentStore(db),
      reportStatus: new SqliteReportStatus(db),
    }
  } catch (error) {
    db.close()
    throw error
  }
}
