import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { waitUntil } from '../collab/__tests__/waitUntil.js'
import { createRapporteurInvites } from './rapporteurInvites.js'
import { buildServerMain, freePort, ServerProcess } from './ServerProcess.js'
import { storedReport } from './storedReport.js'
import { createTempDir } from './testServer.js'
import { connectTypingClient, missingTokens, type TypingClient } from './typingClients.js'

const adminToken = 'rpo_durability-shutdown-token-012345678'
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

describe('durability: SIGTERM while clients type', () => {
  const temp = createTempDir('rapporteur-shutdown-')
  let mainFile: string
  let server: ServerProcess | undefined
  const clients: TypingClient[] = []

  beforeAll(() => {
    mainFile = buildServerMain('durability-shutdown')
  }, 120_000)

  afterAll(async () => {
    for (const client of clients) client.destroy()
    await server?.stop('SIGKILL')
    temp.remove()
  })

  it('flushes every pending write, exits 0, and the clients reconnect to the restarted server losing nothing', async () => {
    const port = await freePort()
    const start = async (): Promise<ServerProcess> => {
      const started = new ServerProcess(mainFile, { PORT: port, DATA_DIR: temp.dir, ADMIN_TOKEN: adminToken })
      await started.ready()
      return started
    }
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
    const storedAtShutdown = storedReport(temp.dir, roundtableId)
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
    expect(missingTokens(storedReport(temp.dir, roundtableId), clients)).toEqual([])
  }, 60_000)
})
