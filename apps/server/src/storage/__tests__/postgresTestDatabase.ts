import { randomBytes } from 'node:crypto'
import { Client } from 'pg'

/** The server the tests make their databases on: `TEST_POSTGRES_URL`, or a local one with trust authentication. */
const baseUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

/** A database made for one test run. */
export interface PostgresTestDatabase {
  readonly name: string
  readonly url: string
  /** Drops the database, ending the connections still open to it. */
  drop(): Promise<void>
}

/**
 * Creates a fresh, empty database (`rapporteur_test_<random>`) on the test server, so suites running in parallel
 * never share tables. Resolves with null, after printing why, when the server cannot be reached: the caller
 * skips its PostgreSQL tests (`describe.skipIf`). Rejects if the server answers but refuses to create it.
 */
export async function postgresTestDatabase(): Promise<PostgresTestDatabase | null> {
  const shownUrl = withoutPassword(baseUrl)
  const admin = new Client({ connectionString: baseUrl, connectionTimeoutMillis: 3000 })
  try {
    await admin.connect()
  } catch (error) {
    // eslint-disable-next-line no-console -- a skipped suite must say why, never pass silently
    console.warn(`PostgreSQL not reachable at ${shownUrl}: skipping PostgreSQL store tests (${String(error)})`)
    await admin.end().catch(() => {})
    return null
  }
  const name = `rapporteur_test_${randomBytes(6).toString('hex')}`
  try {
    await admin.query(`CREATE DATABASE ${name}`)
  } finally {
    await admin.end()
  }
  const url = new URL(baseUrl)
  url.pathname = `/${name}`
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: baseUrl })
      await client.connect()
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      } finally {
        await client.end()
      }
    },
  }
}

function withoutPassword(connectionString: string): string {
  const url = new URL(connectionString)
  if (url.password !== '') url.password = '***'
  return url.toString()
}
