/** One step of the PostgreSQL schema: applied once, in `version` order, and recorded in `schema_migrations`. */
export interface Migration {
  /** Position in the order; never reused or changed once released. */
  readonly version: number
  readonly name: string
  readonly sql: string
}

/**
 * The schema of the PostgreSQL stores, oldest first. Add a migration at the end; never edit a released one.
 *
 * `document_updates` holds each document's Yjs updates with the CRC-32 of their bytes continued over the state
 * vector a compaction stores with its merged update (`checksum`, unsigned, so `bigint`): a row loads as verified
 * only while they match. A row without a checksum (written by hand or an import) is validated by the core.
 * `document_updates_quarantine` keeps whole rows the core could not load, with the time they were set aside.
 */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'document_updates',
    sql: `
      CREATE TABLE document_updates (
        id bigserial PRIMARY KEY,
        document_name text NOT NULL,
        "update" bytea NOT NULL,
        checksum bigint NULL,
        state_vector bytea NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX document_updates_document_name_id ON document_updates (document_name, id);
      CREATE TABLE document_updates_quarantine (
        id bigint PRIMARY KEY,
        document_name text NOT NULL,
        "update" bytea NOT NULL,
        checksum bigint NULL,
        state_vector bytea NULL,
        created_at timestamptz NOT NULL,
        quarantined_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX document_updates_quarantine_document_name ON document_updates_quarantine (document_name);
    `,
  },
]
