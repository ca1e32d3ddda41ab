import type { Database, Statement } from 'better-sqlite3'
import type { VersionKind, VersionRecord, VersionSummary } from './VersionRecord.js'

interface SummaryRow {
  id: string
  name: string
  kind: VersionKind
  created_at: string
  created_by: string
}

interface VersionRow extends SummaryRow {
  roundtable_id: string
  state: Buffer
}

/** Named versions of the reports (table `versions`), each the report's whole Yjs state at that moment. */
export class SqliteVersions {
  private readonly insertRow: Statement<[string, string, string, string, string, string, Buffer]>
  private readonly selectList: Statement<[string], SummaryRow>
  private readonly selectOne: Statement<[string, string], VersionRow>
  private readonly selectLatest: Statement<[string], VersionRow>

  constructor(db: Database) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS versions (
        id TEXT PRIMARY KEY,
        roundtable_id TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('manual', 'auto', 'ready', 'restore')),
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        state BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS versions_by_roundtable ON versions (roundtable_id, created_at);
    `)
    this.insertRow = db.prepare(
      'INSERT INTO versions (id, roundtable_id, name, kind, created_at, created_by, state) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    // rowid breaks ties between versions taken in the same millisecond.
    this.selectList = db.prepare(
      'SELECT id, name, kind, created_at, created_by FROM versions WHERE roundtable_id = ? ORDER BY created_at DESC, rowid DESC',
    )
    this.selectOne = db.prepare('SELECT * FROM versions WHERE roundtable_id = ? AND id = ?')
    this.selectLatest = db.prepare(
      'SELECT * FROM versions WHERE roundtable_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
    )
  }

  add(version: VersionRecord): void {
    this.insertRow.run(
      version.id,
      version.roundtableId,
      version.name,
      version.kind,
      version.createdAt,
      version.createdBy,
      Buffer.from(version.state),
    )
  }

  /** The roundtable's versions, newest first, without their states. */
  list(roundtableId: string): VersionSummary[] {
    return this.selectList.all(roundtableId).map(summaryOf)
  }

  get(roundtableId: string, versionId: string): VersionRecord | undefined {
    const row = this.selectOne.get(roundtableId, versionId)
    return row === undefined ? undefined : recordOf(row)
  }

  latest(roundtableId: string): VersionRecord | undefined {
    const row = this.selectLatest.get(roundtableId)
    return row === undefined ? undefined : recordOf(row)
  }
}

function summaryOf(row: SummaryRow): VersionSummary {
  return { id: row.id, name: row.name, kind: row.kind, createdAt: row.created_at, createdBy: row.created_by }
}

function recordOf(row: VersionRow): VersionRecord {
  return { ...summaryOf(row), roundtableId: row.roundtable_id, state: new Uint8Array(row.state) }
}
