import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { Database, Statement } from 'better-sqlite3'

/**
 * The reference servers' storage: one SQLite file in the data directory holding Yjs updates as rows per
 * document. WAL with `synchronous = NORMAL` (no fsync per commit: what y-leveldb and Hocuspocus's SQLite
 * extension give their users), so the baselines are not slowed by a durability they do not ask for.
 */
export class SqliteUpdateStore {
  private readonly db: Database
  private readonly selectRows: Statement<[string], { data: Buffer }>
  private readonly insertRow: Statement<[string, Uint8Array]>
  private readonly deleteRows: Statement<[string]>

  constructor(dataDir: string) {
    this.db = new BetterSqlite3(join(dataDir, 'documents.sqlite'))
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS updates (id INTEGER PRIMARY KEY AUTOINCREMENT, document TEXT NOT NULL, data BLOB NOT NULL);' +
        'CREATE INDEX IF NOT EXISTS updates_by_document ON updates (document, id);',
    )
    this.selectRows = this.db.prepare('SELECT data FROM updates WHERE document = ? ORDER BY id')
    this.insertRow = this.db.prepare('INSERT INTO updates (document, data) VALUES (?, ?)')
    this.deleteRows = this.db.prepare('DELETE FROM updates WHERE document = ?')
  }

  /** Every stored update of the document, oldest first. */
  load(document: string): Uint8Array[] {
    return this.selectRows.all(document).map((row) => new Uint8Array(row.data))
  }

  append(document: string, update: Uint8Array): void {
    this.insertRow.run(document, update)
  }

  /** Replaces the document's rows by one (its whole state), in one transaction. */
  replace(document: string, state: Uint8Array): void {
    this.db.transaction(() => {
      this.deleteRows.run(document)
      this.insertRow.run(document, state)
    })()
  }

  close(): void {
    this.db.close()
  }
}
