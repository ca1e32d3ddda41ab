import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SeededRandom } from '../collab/__tests__/randomReportEdit.js'
import { waitUntil } from '../collab/__tests__/waitUntil.js'
import { createRapporteurInvites } from './rapporteurInvites.js'
import { freePort, type ServerProcess } from './ServerProcess.js'
import { storedReport } from './storedReport.js'
import { connectTypingClient, missingTokens, type TypingClient } from './typingClients.js'
import { useChildServer } from './useChildServer.js'

const adminToken = 'rpo_durability-crash-token-0123456789'
const clientCount = 4
const crashRounds = 4
/** Seed of the kill moments; `DURABILITY_CRASH_SEED` varies them. */
const seed = Number(process.env.DURABILITY_CRASH_SEED ?? 20261128)

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

describe('durability: kill -9 while clients type', () => {
  const suite = useChildServer('durability-crash', adminToken)
  const clients = suite.clients
  let server: ServerProcess

  it(`keeps every edit of every client through ${crashRounds} SIGKILLs at random moments (seed ${seed})`, async () => {
    const seeded = new SeededRandom(seed)
    const random = (): number => seeded.next()
    const port = await freePort()
    const start = (): Promise<ServerProcess> => suite.start(port)
    server = await start()
    const { roundtableId, tokens } = await createRapporteurInvites(server.url, adminToken, clientCount)
    // The last client asks for durable acknowledgements: what it was told is saved must survive every crash.
    for (const [index, token] of tokens.entries()) {
      clients.push(connectTypingClient(server.url, roundtableId, token, index, { durable: index === clientCount - 1 }))
    }
    const durable = clients[clientCount - 1] as TypingClient
    await waitUntil(() => clients.every((client) => client.provider.synced), 'every client synced')

    // Every client types a token every 10–20 ms, connected or not, until the end.
    let typing = true
    const typers = clients.map(async (client) => {
      while (typing) {
        client.type()
        await sleep(10 + Math.floor(random() * 10))
      }
    })

    const acknowledgedClocks: number[] = []
    for (let round = 0; round < crashRounds; round++) {
      await sleep(300 + Math.floor(random() * 900))
      const acknowledged = durable.savedClock()
      const killed = await server.stop('SIGKILL')
      expect(killed.signal).toBe('SIGKILL')
      // Before anyone reconnects: the file holds at least everything SAVED acknowledged.
      expect(Y.getState(storedReport(suite.dataDir, roundtableId).store, durable.doc.clientID)).toBeGreaterThanOrEqual(acknowledged)
      acknowledgedClocks.push(acknowledged)
      // Sometimes restart at once, sometimes after clients noticed and started retrying.
      await sleep(Math.floor(random() * 400))
      server = await start()
    }
    await sleep(300 + Math.floor(random() * 300))
    typing = false
    await Promise.all(typers)

    // Every client reconnects and sends what the crashes lost; a fresh reader sees all of it on the server.
    await waitUntil(() => clients.every((client) => client.provider.wsconnected && client.provider.synced), 'clients reconnected', 15_000)
    const reader = connectTypingClient(server.url, roundtableId, tokens[0] as string, clientCount)
    try {
      await waitUntil(() => missingTokens(reader.doc, clients).length === 0, 'the server holds every token', 15_000)
    } finally {
      reader.destroy()
    }
    const exit = await server.stop('SIGTERM')
    expect(exit.code).toBe(0)

    const stored = storedReport(suite.dataDir, roundtableId)
    const typedCount = clients.reduce((sum, client) => sum + client.typed.length, 0)
    expect(typedCount).toBeGreaterThan(clientCount * 100)
    expect(missingTokens(stored, clients)).toEqual([])
    // The durable client was acknowledged during the run (so the check after each crash had teeth).
    expect(acknowledgedClocks.some((clock) => clock > 0)).toBe(true)
    // No record was ever unreadable (it would be set aside with an error line), and nothing failed to store.
    expect(exit.output).not.toContain('"level":"error"')
  }, 60_000)
})
