import type { Database, Statement } from 'better-sqlite3'
import type { DocumentStore, StoredUpdate } from '@rapporteur/collab'
import { recordChecksum } from './recordChecksum.js'
import { storedUpdateOf } from './storedUpdateOf.js'
import type { WalSync } from './WalSync.js'

interface PendingAppend {
  readonly documentName: string
  readonly update: Uint8Array
  id: number
  readonly resolve: (id: number) => void
  readonly reject: (error: unknown) => void
}

interface UpdateRow {
  id: number
  update: Buffer
  state_vector: Buffer | null
  checksum: number | null
}

/**
 * Documents as rows of Yjs updates in the `document_updates` table, each with the CRC-32 of its bytes (and of its
 * state vector, which a compaction stores with the merged update): a row whose bytes still match it loads as
 * `verified` (the core does not validate it again, and may send it with its state vector before parsing it). Rows
 * written before the checksum existed have none and are validated. Records the core cannot load are moved,
 * whole and in one transaction, to `document_updates_quarantine` (with the time they were set aside). The
 * database belongs to whoever opened it: `close()` only stops this store from being used.
 *
 * With `walSync` (a `synchronous = NORMAL` connection), each write resolves only once `walSync` has synced the
 * WAL file after the commit: durable like `synchronous = FULL`, without the sync blocking the event loop.
 *
 * Appends are committed in groups: those made during one turn of the event loop (every open document's flush
 * timer that fired in it) go into the database in one transaction at the end of the turn, then share one sync.
 * Two hundred reports typed into at once then cost a commit per turn, not one per report.
 */
export class SqliteDocumentStore implements DocumentStore {
  private readonly db: Database
  private readonly selectUpdates: Statement<[string], UpdateRow>
  private readonly insertUpdate: Statement<[string, Uint8Array, Uint8Array | null, number]>
  private readonly deleteUpdate: Statement<[string, number]>
  private readonly replaceUpdates: (
    documentName: string,
    merged: Uint8Array,
    replacedIds: readonly number[],
    stateVector: Uint8Array | null,
  ) => number
  private readonly moveToQuarantine: (documentName: string, ids: readonly number[]) => void
  private readonly insertGroup: (group: readonly PendingAppend[]) => void
  private isClosed = false
  private readonly walSync: WalSync | null
  /** Appends waiting for the end of this turn's group commit. */
  private pendingAppends: PendingAppend[] = []

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
    addColumns(db)
    this.selectUpdates = db.prepare(
      'SELECT id, "update", state_vector, checksum FROM document_updates WHERE document = ? ORDER BY id',
    )
    this.insertUpdate = db.prepare(
      'INSERT INTO document_updates (document, "update", state_vector, checksum) VALUES (?, ?, ?, ?)',
    )
    this.deleteUpdate = db.prepare('DELETE FROM document_updates WHERE document = ? AND id = ?')
    this.replaceUpdates = db.transaction(
      (documentName: string, merged: Uint8Array, replacedIds: readonly number[], stateVector: Uint8Array | null) => {
        for (const id of replacedIds) this.deleteUpdate.run(documentName, id)
        return this.insert(documentName, merged, stateVector)
      },
    )
    this.insertGroup = db.transaction((group: readonly PendingAppend[]) => {
      for (const append of group) append.id = this.insert(append.documentName, append.update, null)
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
    return this.selectUpdates
      .all(documentName)
      .map((row) => storedUpdateOf(row.id, row.update, row.state_vector, row.checksum))
  }

  async append(documentName: string, update: Uint8Array): Promise<number> {
    this.assertOpen()
    const committed = new Promise<number>((resolve, reject) => {
      this.pendingAppends.push({ documentName, update, id: 0, resolve, reject })
      if (this.pendingAppends.length === 1) setImmediate(this.commitAppends)
    })
    const id = await committed
    await this.walSync?.afterCommit()
    return id
  }

  async compact(
    documentName: string,
    mergedUpdate: Uint8Array,
    replacedIds: readonly number[],
    stateVector?: Uint8Array,
  ): Promise<number> {
    this.assertOpen()
    const id = this.replaceUpdates(documentName, mergedUpdate, replacedIds, stateVector ?? null)
    await this.walSync?.afterCommit()
    return id
  }

  async quarantine(documentName: string, ids: readonly number[]): Promise<void> {
    this.assertOpen()
    this.moveToQuarantine(documentName, ids)
    await this.walSync?.afterCommit()
  }

  async close(): Promise<void> {
    // Appends already accepted are committed, not dropped.
    if (this.pendingAppends.length > 0 && !this.isClosed) this.commitAppends()
    this.isClosed = true
    await this.walSync?.close()
  }

  /** Commits this turn's appends in one transaction; all of them fail together if it fails. */
  private readonly commitAppends = (): void => {
    const group = this.pendingAppends
    if (group.length === 0) return
    this.pendingAppends = []
    try {
      if (this.isClosed) throw new Error('SqliteDocumentStore is closed')
      this.insertGroup(group)
    } catch (error) {
      for (const append of group) append.reject(error)
      return
    }
    for (const append of group) append.resolve(append.id)
  }

  private insert(documentName: string, update: Uint8Array, stateVector: Uint8Array | null): number {
    const checksum = recordChecksum(update, stateVector)
    return Number(this.insertUpdate.run(documentName, update, stateVector, checksum).lastInsertRowid)
  }

  private assertOpen(): void {
    if (this.isClosed) throw new Error('SqliteDocumentStore is closed')
    if (!this.db.open) throw new Error('The database of the SqliteDocumentStore is closed')
  }
}

/** Adds the columns a table made before them lacks (`checksum`, `state_vector`); its rows keep none. */
function addColumns(db: Database): void {
  const columns = db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('document_updates')").all()
  const has = (name: string): boolean => columns.some((column) => column.name === name)
  if (!has('checksum')) db.exec('ALTER TABLE document_updates ADD COLUMN checksum INTEGER')
  if (!has('state_vector')) db.exec('ALTER TABLE document_updates ADD COLUMN state_vector BLOB')
}
