import { randomBytes } from 'node:crypto'
import { Redis, type RedisOptions } from 'ioredis'

/** The Redis the tests use: `TEST_REDIS_URL`, or a local one without persistence. */
export const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

/** A key prefix of its own per test run, so runs in parallel never hear each other. */
export function uniqueKeyPrefix(): string {
  return `rapporteur_test_${randomBytes(6).toString('hex')}:`
}

/** A connection to the test Redis (reconnecting after `retryMs`), named so a test can kill it. */
export function testRedis(name: string, options: RedisOptions = {}, retryMs = 300): Redis {
  return new Redis(testRedisUrl, { connectionName: name, retryStrategy: () => retryMs, ...options })
}

/**
 * Whether the test Redis answers. Prints why not, so the caller skipping its suite (`describe.skipIf`) never
 * passes silently.
 */
export async function redisReachable(): Promise<boolean> {
  const client = new Redis(testRedisUrl, { lazyConnect: true, retryStrategy: () => null, connectTimeout: 3000 })
  try {
    await client.connect()
    await client.ping()
    return true
  } catch (error) {
    // eslint-disable-next-line no-console -- a skipped suite must say why, never pass silently
    console.warn(`Redis not reachable at ${testRedisUrl}: skipping Redis fan-out tests (${String(error)})`)
    return false
  } finally {
    client.disconnect()
  }
}

/** Closes, from the server's side, the connections named `name` (ioredis then reconnects them itself). */
export async function killRedisConnection(admin: Redis, name: string): Promise<number> {
  const list = String(await admin.call('CLIENT', 'LIST'))
  const ids = list
    .split('\n')
    .filter((line) => line.includes(` name=${name} `))
    .map((line) => /\bid=(\d+)/.exec(line)?.[1])
    .filter((id): id is string => id !== undefined)
  for (const id of ids) await admin.call('CLIENT', 'KILL', 'ID', id)
  return ids.length
}
