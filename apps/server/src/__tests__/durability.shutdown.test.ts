import { describe, expect, it } from 'vitest'
import { waitUntil } from '../collab/__tests__/waitUntil.js'
import { createRapporteurInvites } from './rapporteurInvites.js'
import { freePort, type ServerProcess } from './ServerProcess.js'
import { storedReport } from './storedReport.js'
import { connectTypingClient, missingTokens } from './typingClients.js'
import { useChildServer } from './useChildServer.js'

const adminToken = 'rpo_durability-shutdown-token-012345678'
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

describe('durability: SIGTERM while clients type', () => {
  const suite = useChildServer('durability-shutdown', adminToken)
  const clients = suite.clients
  let server: ServerProcess

  it('flushes every pending write, exits 0, and the clients reconnect to the restarted server losing nothing', async () => {
    const port = await freePort()
    const start = (): Promise<ServerProcess> => suite.start(port)
    server = await start()
    const { roundtableId, tokens } = await createRapporteurInvites(server.url, adminToken, 4)
    for (const [index, token] of tokens.entries()) clients.push(connectTypingClient(server.url, roundtableId, token, index))
    await waitUntil(() => clients.every((client) => client.provider.synced), 'every client synced')

    let typing = true
    const typers = clients.map(async (client) => {
      while (typing) {
        client.type()
        await sleep(10)
      }
    })
    await sleep(800)
    const exit = await server.stop('SIGTERM')
    expect(exit.code).toBe(0)
    expect(exit.output).not.toContain('"level":"error"')
    // What the server acknowledged by storing it before exiting: everything typed up to the shutdown is there
    // except what was still on the wire, which the clients resend after reconnecting.
    const storedAtShutdown = storedReport(suite.dataDir, roundtableId)
    expect(storedAtShutdown.getXmlFragment('summary').toString()).toContain('c0-0 ')

    server = await start()
    await waitUntil(
      () => clients.every((client) => client.provider.wsconnected && client.provider.synced),
      'every client reconnected within a few seconds',
      5000,
    )
    await sleep(300)
    typing = false
    await Promise.all(typers)

    const reader = connectTypingClient(server.url, roundtableId, tokens[0] as string, 4)
    try {
      await waitUntil(() => missingTokens(reader.doc, clients).length === 0, 'the server holds every token', 10_000)
    } finally {
      reader.destroy()
    }
    const finalExit = await server.stop('SIGTERM')
    expect(finalExit.code).toBe(0)
    expect(missingTokens(storedReport(suite.dataDir, roundtableId), clients)).toEqual([])
  }, 60_000)
})
