import { mkdirSync } from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { Database } from 'better-sqlite3'

/**
 * Opens (creating it and its directory if needed) the SQLite file that holds the catalog and the documents.
 * WAL lets reads run beside the single writer; `synchronous = FULL` makes every committed transaction
 * durable (synced to disk) before the write call returns, so an acknowledged write survives a power cut.
 */
export function openDatabase(file: string): Database {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true })
  const db = new BetterSqlite3(file)
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  return db
}
