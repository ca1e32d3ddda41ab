import type { Database, Statement } from 'better-sqlite3'
import { createId } from '../storage/createId.js'
import { TokenPrefix, createToken } from './createToken.js'
import { hashToken } from './hashToken.js'
import type { InviteRecord } from './InviteRecord.js'
import type { InviteRole } from './Role.js'

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS invites (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    event_id TEXT NOT NULL REFERENCES events(id),
    roundtable_id TEXT NULL REFERENCES roundtables(id),
    label TEXT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT NULL
  );
  CREATE INDEX IF NOT EXISTS invites_by_roundtable ON invites(roundtable_id);
  CREATE INDEX IF NOT EXISTS invites_by_event ON invites(event_id);
`

interface InviteRow {
  id: string
  role: InviteRole
  event_id: string
  roundtable_id: string | null
  label: string | null
  created_at: string
  expires_at: string
  revoked_at: string | null
}

const COLUMNS = 'id, role, event_id, roundtable_id, label, created_at, expires_at, revoked_at'

export interface NewInvite {
  readonly role: InviteRole
  readonly eventId: string
  /** `null` for a chair invite. */
  readonly roundtableId: string | null
  readonly label: string | null
  readonly expiresAt: string
}

/** A created invite and its token: the only moment the token exists outside the invitee's hands. */
export interface CreatedInvite {
  readonly invite: InviteRecord
  readonly token: string
}

/**
 * Invite links in the `invites` table of the catalog's database. Only SHA-256 hashes of tokens are stored;
 * listings are in creation order.
 */
export class SqliteInvites {
  private readonly db: Database
  private readonly now: () => Date
  private readonly insert: Statement<[string, string, string, string, string | null, string | null, string, string]>
  private readonly selectById: Statement<[string], InviteRow>
  private readonly selectByHash: Statement<[string], InviteRow>

  /** The `events` and `roundtables` tables (`SqliteCatalog`) must exist already. */
  constructor(db: Database, options: { now?: () => Date } = {}) {
    this.db = db
    this.now = options.now ?? (() => new Date())
    db.exec(SCHEMA)
    this.insert = db.prepare(
      'INSERT INTO invites (id, token_hash, role, event_id, roundtable_id, label, created_at, expires_at) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    this.selectById = db.prepare(`SELECT ${COLUMNS} FROM invites WHERE id = ?`)
    this.selectByHash = db.prepare(`SELECT ${COLUMNS} FROM invites WHERE token_hash = ?`)
  }

  create(input: NewInvite): CreatedInvite {
    const token = createToken(TokenPrefix.Invite)
    const invite: InviteRecord = {
      id: createId(),
      role: input.role,
      eventId: input.eventId,
      roundtableId: input.roundtableId,
      label: input.label,
      createdAt: this.now().toISOString(),
      expiresAt: input.expiresAt,
      revokedAt: null,
    }
    this.insert.run(
      invite.id,
      hashToken(token),
      invite.role,
      invite.eventId,
      invite.roundtableId,
      invite.label,
      invite.createdAt,
      invite.expiresAt,
    )
    return { invite, token }
  }

  get(id: string): InviteRecord | undefined {
    const row = this.selectById.get(id)
    return row === undefined ? undefined : toInvite(row)
  }

  /** The invite whose token has this SHA-256 hex hash. */
  findByTokenHash(tokenHash: string): InviteRecord | undefined {
    const row = this.selectByHash.get(tokenHash)
    return row === undefined ? undefined : toInvite(row)
  }

  /** Rapporteur and viewer invites of a roundtable. */
  listForRoundtable(roundtableId: string): InviteRecord[] {
    const rows = this.db
      .prepare<[string], InviteRow>(`SELECT ${COLUMNS} FROM invites WHERE roundtable_id = ? ORDER BY rowid`)
      .all(roundtableId)
    return rows.map(toInvite)
  }

  /** Chair invites of an event (not the invites of its roundtables). */
  listForEvent(eventId: string): InviteRecord[] {
    const rows = this.db
      .prepare<[string], InviteRow>(
        `SELECT ${COLUMNS} FROM invites WHERE event_id = ? AND roundtable_id IS NULL ORDER BY rowid`,
      )
      .all(eventId)
    return rows.map(toInvite)
  }

  /** Marks the invite revoked (keeping the first revocation time); `undefined` when there is no such invite. */
  revoke(id: string): InviteRecord | undefined {
    this.db.prepare('UPDATE invites SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(this.now().toISOString(), id)
    return this.get(id)
  }
}

function toInvite(row: InviteRow): InviteRecord {
  return {
    id: row.id,
    role: row.role,
    eventId: row.event_id,
    roundtableId: row.roundtable_id,
    label: row.label,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  }
}
