import type { Database, Statement } from 'better-sqlite3'
import type { DocumentStore, StoredUpdate } from '@rapporteur/collab'
import type { WalSync } from './WalSync.js'

interface UpdateRow {
  id: number
  update: Buffer
}

/**
 * Documents as rows of Yjs updates in the `document_updates` table. Records the core cannot load are moved,
 * whole and in one transaction, to `document_updates_quarantine` (with the time they were set aside). The
 * database belongs to whoever opened it: `close()` only stops this store from being used.
 *
 * With `walSync` (a `synchronous = NORMAL` connection), each write resolves only once `walSync` has synced the
 * WAL file after the commit: durable like `synchronous = FULL`, without the sync blocking the event loop.
 */
export class SqliteDocumentStore implements DocumentStore {
  private readonly db: Database
  private readonly selectUpdates: Statement<[string], UpdateRow>
  private readonly insertUpdate: Statement<[string, Uint8Array]>
  private readonly deleteUpdate: Statement<[string, number]>
  private readonly replaceUpdates: (documentName: string, merged: Uint8Array, replacedIds: readonly number[]) => number
  private readonly moveToQuarantine: (documentName: string, ids: readonly number[]) => void
  private isClosed = false
  private readonly walSync: WalSync | null

  constructor(db: Database, { walSync }: { walSync?: WalSync } = {}) {
    this.db = db
    this.walSync = walSync ?? null
    db.exec(`
      CREATE TABLE IF NOT EXISTS document_updates (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        document TEXT NOT NULL,
        "update" BLOB NOT NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
      CREATE INDEX IF NOT EXISTS document_updates_document_id ON document_updates (document, id);
      CREATE TABLE IF NOT EXISTS document_updates_quarantine (
        id INTEGER PRIMARY KEY,
        document TEXT NOT NULL,
        "update" BLOB NOT NULL,
        created_at TEXT NOT NULL,
        quarantined_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
    `)
    this.selectUpdates = db.prepare('SELECT id, "update" FROM document_updates WHERE document = ? ORDER BY id')
    this.insertUpdate = db.prepare('INSERT INTO document_updates (document, "update") VALUES (?, ?)')
    this.deleteUpdate = db.prepare('DELETE FROM document_updates WHERE document = ? AND id = ?')
    this.replaceUpdates = db.transaction((documentName: string, merged: Uint8Array, replacedIds: readonly number[]) => {
      for (const id of replacedIds) this.deleteUpdate.run(documentName, id)
      return this.insert(documentName, merged)
    })
    const copyToQuarantine = db.prepare<[string, number]>(`
      INSERT OR IGNORE INTO document_updates_quarantine (id, document, "update", created_at)
      SELECT id, document, "update", created_at FROM document_updates WHERE document = ? AND id = ?
    `)
    this.moveToQuarantine = db.transaction((documentName: string, ids: readonly number[]) => {
      for (const id of ids) {
        copyToQuarantine.run(documentName, id)
        this.deleteUpdate.run(documentName, id)
      }
    })
  }

  async load(documentName: string): Promise<StoredUpdate[]> {
    this.assertOpen()
    return this.selectUpdates.all(documentName).map((row) => ({
      id: row.id,
      update: new Uint8Array(row.update),
    }))
  }

  async append(documentName: string, update: Uint8Array): Promise<number> {
    this.assertOpen()
    const id = this.insert(documentName, update)
    await this.walSync?.afterCommit()
    return id
  }

  async compact(documentName: string, mergedUpdate: Uint8Array, replacedIds: readonly number[]): Promise<number> {
    this.assertOpen()
    const id = this.replaceUpdates(documentName, mergedUpdate, replacedIds)
    await this.walSync?.afterCommit()
    return id
  }

  async quarantine(documentName: string, ids: readonly number[]): Promise<void> {
    this.assertOpen()
    this.moveToQuarantine(documentName, ids)
    await this.walSync?.afterCommit()
  }

  async close(): Promise<void> {
    this.isClosed = true
    await this.walSync?.close()
  }

  private insert(documentName: string, update: Uint8Array): number {
    return Number(this.insertUpdate.run(documentName, update).lastInsertRowid)
  }

  private assertOpen(): void {
    if (this.isClosed) throw new Error('SqliteDocumentStore is closed')
    if (!this.db.open) throw new Error('The database of the SqliteDocumentStore is closed')
  }
}
