import type { Database, Statement } from 'better-sqlite3'
import type { RoundtableStatus } from '@rapporteur/template'

interface StatusRow {
  status_json: string
}

/**
 * The last status of each roundtable's report (table `report_status`), so a report nobody has open — and
 * every report after a restart — still shows its last progress. Presence is not kept: `present` is stored
 * empty (whoever was connected is gone once the document has unloaded or the server restarted).
 */
export class SqliteReportStatus {
  private readonly select: Statement<[string], StatusRow>
  private readonly upsert: Statement<[string, string, string]>

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
  }

  get(roundtableId: string): RoundtableStatus | undefined {
    const row = this.select.get(roundtableId)
    return row === undefined ? undefined : (JSON.parse(row.status_json) as RoundtableStatus)
  }

  put(status: RoundtableStatus, updatedAt: Date): void {
    this.upsert.run(status.id, JSON.stringify({ ...status, present: [] }), updatedAt.toISOString())
  }
}
