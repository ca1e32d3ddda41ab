import type { DocumentStore, Logger, StoredUpdate } from '@rapporteur/collab'
import { Pool } from 'pg'
import { inTransaction } from './postgres/inTransaction.js'
import { migrate } from './postgres/migrate.js'
import { recordChecksum } from './recordChecksum.js'
import { storedUpdateOf } from './storedUpdateOf.js'

/** Most appends one INSERT carries (three parameters each, well under PostgreSQL's 65,535). */
const MAX_GROUP = 1000

interface PendingAppend {
  readonly documentName: string
  readonly update: Uint8Array
  readonly resolve: (id: number) => void
  readonly reject: (error: unknown) => void
}

interface UpdateRow {
  id: string
  update: Buffer
  state_vector: Buffer | null
  checksum: string | null
}

/**
 * Documents as rows of Yjs updates in PostgreSQL's `document_updates` (schema: `postgres/migrations.ts`; run
 * `migrate`, or open the store with `PostgresDocumentStore.open`). Each row has the CRC-32 of its bytes (continued
 * over the state vector a compaction stores): a row whose bytes still match loads as `verified`. Records the core
 * cannot load move, whole and in one statement, to `document_updates_quarantine`.
 *
 * Every promise resolves once PostgreSQL has committed (durable with the default `synchronous_commit = on`).
 * Appends are committed in groups: those made during one turn of the event loop go in one INSERT (one
 * transaction), and those made while a group is being committed form the next group. A compaction runs in one
 * transaction under `pg_advisory_xact_lock(documentLockClass, hashtext(document_name))`, so two servers never
 * compact one document at once.
 *
 * The store owns its pool: it logs the pool's lost idle connections, and `close()` ends it.
 */
export class PostgresDocumentStore implements DocumentStore {
  /** First key of the advisory locks taken on documents; the second is `hashtext(document_name)`. */
  static readonly documentLockClass = 0x52617070

  /** Runs the migrations on the pool (or a pool for the connection string), then opens a store on it. */
  static async open(connection: Pool | string, logger: Logger): Promise<PostgresDocumentStore> {
    const store = new PostgresDocumentStore(connection, logger)
    try {
      await migrate(store.pool, logger)
    } catch (error) {
      await store.close()
      throw error
    }
    return store
  }

  private readonly pool: Pool
  private readonly logger: Logger
  private pendingAppends: PendingAppend[] = []
  /** The group commit under way or scheduled, if any; the appends made meanwhile join its next group. */
  private flushing: Promise<void> | null = null
  private closing: Promise<void> | null = null

  /** `connection`: a pool (from then on the store's) or a connection string to make one from. */
  constructor(connection: Pool | string, logger: Logger) {
    this.pool = typeof connection === 'string' ? new Pool({ connectionString: connection }) : connection
    this.logger = logger
    this.pool.on('error', (error) => logger.error('Lost an idle PostgreSQL connection', { error: error.message }))
  }

  async load(documentName: string): Promise<StoredUpdate[]> {
    this.assertOpen()
    const { rows } = await this.pool.query<UpdateRow>(
      'SELECT id, "update", state_vector, checksum FROM document_updates WHERE document_name = $1 ORDER BY id',
      [documentName],
    )
    const checksumOf = (row: UpdateRow): number | null => (row.checksum === null ? null : Number(row.checksum))
    return rows.map((row) => storedUpdateOf(Number(row.id), row.update, row.state_vector, checksumOf(row)))
  }

  async append(documentName: string, update: Uint8Array): Promise<number> {
    this.assertOpen()
    return new Promise<number>((resolve, reject) => {
      this.pendingAppends.push({ documentName, update, resolve, reject })
      this.flushing ??= new Promise<void>((turnEnded) => setImmediate(turnEnded)).then(() => this.flushGroups())
    })
  }

  async compact(
    documentName: string,
    mergedUpdate: Uint8Array,
    replacedIds: readonly number[],
    stateVector?: Uint8Array,
  ): Promise<number> {
    this.assertOpen()
    return inTransaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
        PostgresDocumentStore.documentLockClass,
        documentName,
      ])
      // Rows another server compacted meanwhile are gone: the merged update contains them, so nothing is lost.
      const deleted = await client.query(
        'DELETE FROM document_updates WHERE document_name = $1 AND id = ANY($2::bigint[])',
        [documentName, replacedIds],
      )
      const listed = new Set(replacedIds).size
      if (deleted.rowCount !== listed) {
        const fields = { documentName, listed, deleted: deleted.rowCount }
        this.logger.warn('Compaction found records already replaced', fields)
      }
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO document_updates (document_name, "update", state_vector, checksum)
         VALUES ($1, $2, $3, $4) RETURNING id`,
        [documentName, mergedUpdate, stateVector ?? null, recordChecksum(mergedUpdate, stateVector ?? null)],
      )
      return Number(rows[0]?.id)
    })
  }

  async quarantine(documentName: string, ids: readonly number[]): Promise<void> {
    this.assertOpen()
    // One statement: the rows it deletes are the rows it copies, atomically.
    await this.pool.query(
      `WITH moved AS (
         DELETE FROM document_updates WHERE document_name = $1 AND id = ANY($2::bigint[])
         RETURNING id, document_name, "update", checksum, state_vector, created_at
       )
       INSERT INTO document_updates_quarantine (id, document_name, "update", checksum, state_vector, created_at)
       SELECT id, document_name, "update", checksum, state_vector, created_at FROM moved`,
      [documentName, ids],
    )
  }

  /** Commits the appends already accepted, then ends the pool. Calling it again waits for the same close. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.flushing
      await this.pool.end()
    })()
    return this.closing
  }

  /** Commits the waiting appends, a group at a time, until none are left. Never rejects. */
  private async flushGroups(): Promise<void> {
    for (;;) {
      const group = this.pendingAppends.splice(0, MAX_GROUP)
      if (group.length === 0) {
        this.flushing = null
        return
      }
      try {
        const ids = await this.insertGroup(group)
        group.forEach((append, index) => append.resolve(ids[index] as number))
      } catch (error) {
        for (const append of group) append.reject(error)
      }
    }
  }

  /**
   * Inserts the group in one statement, rows in call order, and resolves with their ids in that order. The
   * sequence numbers the rows as the ordered SELECT yields them, so the ascending ids follow the call order.
   */
  private async insertGroup(group: readonly PendingAppend[]): Promise<number[]> {
    const values = group.map((_, i) => `($${i * 3 + 1}::text, $${i * 3 + 2}::bytea, $${i * 3 + 3}::bigint, ${i})`)
    const parameters = group.flatMap((append) => [append.documentName, append.update, recordChecksum(append.update, null)])
    const { rows } = await this.pool.query<{ id: string }>(
      `INSERT INTO document_updates (document_name, "update", checksum)
       SELECT document_name, "update", checksum FROM (VALUES ${values.join(', ')})
         AS appended (document_name, "update", checksum, position)
       ORDER BY position
       RETURNING id`,
      parameters,
    )
    return rows.map((row) => Number(row.id)).sort((a, b) => a - b)
  }

  private assertOpen(): void {
    if (this.closing !== null) throw new Error('PostgresDocumentStore is closed')
  }
}
