import type { RunningServer } from '../../servers/ServerUnderTest.js'
import { pollUntil } from './pollUntil.js'

/**
 * Polls the server's stats until it holds no document in memory, for at most `timeoutMs`. Returns how many
 * documents were still in memory at the last poll (0 when it unloaded everything).
 */
export async function waitUntilUnloaded(server: RunningServer, timeoutMs: number): Promise<number> {
  let resident = Number.NaN
  await pollUntil(async () => {
    resident = (await server.stats()).documentsInMemory
    return resident === 0
  }, timeoutMs, 200)
  return resident
}
