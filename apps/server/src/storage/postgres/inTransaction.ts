import type { Pool, PoolClient } from 'pg'

/**
 * Runs `work` on one pooled connection between BEGIN and COMMIT, and resolves once the commit is done; rolls back
 * and rejects if anything fails. A connection whose rollback fails is discarded, not handed back to the pool.
 */
export async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  let broken: Error | undefined
  try {
    await client.query('BEGIN')
    const result = await work(client)
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError))
    throw error
  } finally {
    client.release(broken)
  }
}
