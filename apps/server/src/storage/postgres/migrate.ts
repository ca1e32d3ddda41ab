import type { Logger } from '@rapporteur/collab'
import type { Pool } from 'pg'
import { inTransaction } from './inTransaction.js'
import { migrations, type Migration } from './migrations.js'

/**
 * Key of the advisory lock the migrations run under (the one-`bigint` key space, apart from the two-`integer`
 * keys the document store locks documents with).
 */
export const MIGRATION_LOCK_KEY = '5927136305403392001'

/**
 * Brings the PostgreSQL schema up to date and resolves with the versions it applied (none when it was current).
 * Every migration not yet in `schema_migrations` runs in order, all in one transaction under
 * `pg_advisory_xact_lock`: two servers starting together take turns, the second finds the work done, and a failed
 * migration leaves the schema as it was.
 *
 * A small runner rather than node-pg-migrate: the schema has a handful of migrations, nobody runs them by hand (no
 * CLI, no down migrations), and they must run at server start, inside one lock, on the server's own pool.
 */
export async function migrate(pool: Pool, logger: Logger, list: readonly Migration[] = migrations): Promise<number[]> {
  const ordered = [...list].sort((a, b) => a.version - b.version)
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY])
    await client.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`)
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations')
    const done = new Set(rows.map((row) => row.version))
    const unknown = [...done].filter((version) => !ordered.some((migration) => migration.version === version))
    if (unknown.length > 0) logger.warn('The database has migrations this server does not know', { versions: unknown })
    const applied: number[] = []
    for (const migration of ordered) {
      if (done.has(migration.version)) continue
      await client.query(migration.sql)
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ])
      applied.push(migration.version)
      logger.info('Applied a PostgreSQL migration', { version: migration.version, name: migration.name })
    }
    return applied
  })
}
