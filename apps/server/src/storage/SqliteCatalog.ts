import type { Database } from 'better-sqlite3'
import type { EventRecord, RoundtableRecord } from './CatalogRecords.js'
import { createId } from './createId.js'

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    closing_at TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS roundtables (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL REFERENCES events(id),
    title TEXT NOT NULL,
    template_id TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX IF NOT EXISTS roundtables_by_event ON roundtables(event_id);
  CREATE TABLE IF NOT EXISTS settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
`

interface EventRow {
  id: string
  title: string
  closing_at: string
  created_at: string
}

interface RoundtableRow {
  id: string
  event_id: string
  title: string
  template_id: string
  created_at: string
}

export interface NewEvent {
  readonly title: string
  readonly closingAt: string
}

export interface NewRoundtable {
  readonly eventId: string
  readonly title: string
  readonly templateId: string
  /** Chosen by the caller when the report must be written before the row exists. Default: a new id. */
  readonly id?: string
}

/**
 * Events and roundtables, kept in the same SQLite database as the documents. Listings are in the
 * order rows were created.
 */
export class SqliteCatalog {
  private readonly db: Database
  private readonly now: () => Date

  constructor(db: Database, options: { now?: () => Date } = {}) {
    this.db = db
    this.now = options.now ?? (() => new Date())
    db.exec(SCHEMA)
  }

  createEvent(input: NewEvent): EventRecord {
    const event: EventRecord = { id: createId(), title: input.title, closingAt: input.closingAt, createdAt: this.timestamp() }
    this.db
      .prepare('INSERT INTO events (id, title, closing_at, created_at) VALUES (?, ?, ?, ?)')
      .run(event.id, event.title, event.closingAt, event.createdAt)
    return event
  }

  listEvents(): EventRecord[] {
    const rows = this.db.prepare<[], EventRow>('SELECT * FROM events ORDER BY rowid').all()
    return rows.map(toEvent)
  }

  getEvent(id: string): EventRecord | undefined {
    const row = this.db.prepare<[string], EventRow>('SELECT * FROM events WHERE id = ?').get(id)
    return row === undefined ? undefined : toEvent(row)
  }

  /** Throws if the event does not exist. */
  createRoundtable(input: NewRoundtable): RoundtableRecord {
    const roundtable: RoundtableRecord = {
      id: input.id ?? createId(),
      eventId: input.eventId,
      title: input.title,
      templateId: input.templateId,
      createdAt: this.timestamp(),
    }
    this.db.transaction(() => {
      if (this.getEvent(input.eventId) === undefined) throw new Error(`No event ${input.eventId}`)
      this.db
        .prepare('INSERT INTO roundtables (id, event_id, title, template_id, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(roundtable.id, roundtable.eventId, roundtable.title, roundtable.templateId, roundtable.createdAt)
    })()
    return roundtable
  }

  listRoundtables(eventId: string): RoundtableRecord[] {
    const rows = this.db
      .prepare<[string], RoundtableRow>('SELECT * FROM roundtables WHERE event_id = ? ORDER BY rowid')
      .all(eventId)
    return rows.map(toRoundtable)
  }

  getRoundtable(id: string): RoundtableRecord | undefined {
    const row = this.db.prepare<[string], RoundtableRow>('SELECT * FROM roundtables WHERE id = ?').get(id)
    return row === undefined ? undefined : toRoundtable(row)
  }

  hasRoundtable(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM roundtables WHERE id = ?').get(id) !== undefined
  }

  getSetting(key: string): string | undefined {
    const row = this.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key)
    return row?.value
  }

  setSetting(key: string, value: string): void {
    this.db
      .prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value')
      .run(key, value)
  }

  /** Runs `work` in one SQLite transaction: every write in it lands, or none does. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)()
  }

  private timestamp(): string {
    return this.now().toISOString()
  }
}

function toEvent(row: EventRow): EventRecord {
  return { id: row.id, title: row.title, closingAt: row.closing_at, createdAt: row.created_at }
}

function toRoundtable(row: RoundtableRow): RoundtableRecord {
  return {
    id: row.id,
    eventId: row.event_id,
    title: row.title,
    templateId: row.template_id,
    createdAt: row.created_at,
  }
}
