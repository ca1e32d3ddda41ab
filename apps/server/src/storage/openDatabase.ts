import { mkdirSync } from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { Database } from 'better-sqlite3'

/**
 * How SQLite makes a commit durable. `FULL`: every committed transaction is synced to disk before the write call
 * returns, so an acknowledged write survives a power cut. `NORMAL` (in WAL mode): commits are not synced (they
 * survive the process being killed, not a power cut) — for a connection whose writer syncs the WAL file itself,
 * off the event loop (`WalSync`).
 */
export type SynchronousMode = 'FULL' | 'NORMAL'

/**
 * Opens (creating it and its directory if needed) the SQLite file that holds the catalog and the documents.
 * WAL lets reads run beside the single writer; `synchronous` is `FULL` unless asked otherwise.
 */
export function openDatabase(file: string, { synchronous = 'FULL' }: { synchronous?: SynchronousMode } = {}): Database {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true })
  const db = new BetterSqlite3(file)
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${synchronous}`)
  db.pragma('busy_timeout = 5000')
  db.pragma('foreign_keys = ON')
  return db
}
