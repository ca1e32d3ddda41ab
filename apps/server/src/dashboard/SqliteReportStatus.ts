import type { Database, Statement } from 'better-sqlite3'
import type { RoundtableStatus } from '@rapporteur/template'

interface StatusRow {
  status_json: string
}

/** How long statuses are collected before they are written together (one commit, one fsync). */
const WRITE_DELAY_MS = 250

/**
 * The last status of each roundtable's report (table `report_status`), so a report nobody has open — and
 * every report after a restart — still shows its last progress. Presence is not kept: `present` is stored
 * empty (whoever was connected is gone once the document has unloaded or the server restarted).
 *
 * Statuses are derived data (recomputed from the document when a report loads), so they are written in the
 * background: collected for `WRITE_DELAY_MS`, then written in one transaction — a burst of a hundred reports
 * opening costs one commit, not a hundred fsyncs on the event loop. `flush()` writes what is waiting (shutdown).
 */
export class SqliteReportStatus {
  private readonly select: Statement<[string], StatusRow>
  private readonly upsert: Statement<[string, string, string]>
  private readonly writeAll: () => void
  private readonly waiting = new Map<string, { status: RoundtableStatus; updatedAt: Date }>()
  private timer: ReturnType<typeof setTimeout> | null = null
  /** Told when a background write fails (the statuses stay waiting and are tried again with the next put). */
  onWriteError: (error: unknown) => void = () => undefined

  constructor(db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS report_status (
        roundtable_id TEXT PRIMARY KEY,
        status_json TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
    `)
    this.select = db.prepare('SELECT status_json FROM report_status WHERE roundtable_id = ?')
    this.upsert = db.prepare(
      `INSERT INTO report_status (roundtable_id, status_json, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (roundtable_id) DO UPDATE SET status_json = excluded.status_json, updated_at = excluded.updated_at`,
    )
    this.writeAll = db.transaction(() => {
      for (const { status, updatedAt } of this.waiting.values()) {
        this.upsert.run(status.id, JSON.stringify({ ...status, present: [] }), updatedAt.toISOString())
      }
    })
  }

  get(roundtableId: string): RoundtableStatus | undefined {
    const waiting = this.waiting.get(roundtableId)
    if (waiting !== undefined) return { ...waiting.status, present: [] }
    const row = this.select.get(roundtableId)
    return row === undefined ? undefined : (JSON.parse(row.status_json) as RoundtableStatus)
  }

  /** Keeps `status` as the roundtable's last one; written within `WRITE_DELAY_MS` (or at `flush()`). */
  put(status: RoundtableStatus, updatedAt: Date): void {
    this.waiting.set(status.id, { status, updatedAt })
    if (this.timer === null) {
      this.timer = setTimeout(() => {
        try {
          this.flush()
        } catch (error) {
          this.onWriteError(error)
        }
      }, WRITE_DELAY_MS)
      this.timer.unref()
    }
  }

  /** Writes every status waiting, in one transaction. Throws if SQLite does (they stay waiting for the next try). */
  flush(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    if (this.waiting.size === 0) return
    this.writeAll()
    this.waiting.clear()
  }
}
