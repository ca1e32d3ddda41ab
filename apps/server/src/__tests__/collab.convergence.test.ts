import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectStockClient, type StockClient } from '../collab/__tests__/connectStockClient.js'
import { createTempDirectory } from '../collab/__tests__/createTempDirectory.js'
import { SeededRandom, randomReportEdit, reportSnapshot } from '../collab/__tests__/randomReportEdit.js'
import { startCollabTestServer, type CollabTestServer } from '../collab/__tests__/startCollabTestServer.js'
import { waitUntil } from '../collab/__tests__/waitUntil.js'

const clientCount = 10
const editingMs = 1500
const documentName = 'roundtable-convergence'

function stateVectorKey(doc: Y.Doc): string {
  return Buffer.from(Y.encodeStateVector(doc)).toString('base64')
}

function haveConverged(clients: StockClient[]): boolean {
  const [first, ...others] = clients.map((client) => stateVectorKey(client.doc))
  return others.every((key) => key === first)
}

/** Each client edits at random moments until the deadline; resolves with the number of edits made. */
async function editUntil(client: StockClient, random: SeededRandom, deadline: number): Promise<number> {
  let edits = 0
  while (Date.now() < deadline) {
    randomReportEdit(client.doc, random)
    edits++
    await new Promise((resolve) => setTimeout(resolve, random.int(2, 15)))
  }
  return edits
}

describe('collaboration with ten stock y-websocket clients', () => {
  let temp: ReturnType<typeof createTempDirectory>
  const servers: CollabTestServer[] = []
  const clients: StockClient[] = []

  beforeEach(() => {
    temp = createTempDirectory('rapporteur-converge-')
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await Promise.allSettled(servers.splice(0).map((server) => server.close()))
    temp.remove()
  })

  it('converges under concurrent random edits and serves the identical state after a restart', async () => {
    const databaseFile = path.join(temp.dir, 'rapporteur.db')
    const server = await startCollabTestServer({ databaseFile, collab: { compactAfterRecords: 50 } })
    servers.push(server)
    for (let index = 0; index < clientCount; index++) clients.push(connectStockClient(server.collabUrl, documentName))
    await Promise.all(clients.map((client) => client.synced()))

    const deadline = Date.now() + editingMs
    const edits = await Promise.all(clients.map((client, index) => editUntil(client, new SeededRandom(index + 1), deadline)))
    expect(edits.every((count) => count > 10)).toBe(true)

    await waitUntil(() => haveConverged(clients), 'all clients have the same state vector', 15_000)
    const expected = reportSnapshot(clients[0]!.doc)
    for (const client of clients) expect(reportSnapshot(client.doc)).toEqual(expected)
    expect(expected.summary).toContain('<paragraph>')
    const expectedStateVector = stateVectorKey(clients[0]!.doc)

    // Stop while the clients are still connected: closing must store everything the server received.
    await server.close()
    expect(server.collab.openDocumentCount).toBe(0)
    for (const client of clients.splice(0)) client.destroy()

    const restarted = await startCollabTestServer({ databaseFile })
    servers.push(restarted)
    const reader = connectStockClient(restarted.collabUrl, documentName)
    clients.push(reader)
    await reader.synced()

    expect(reportSnapshot(reader.doc)).toEqual(expected)
    expect(stateVectorKey(reader.doc)).toBe(expectedStateVector)
  }, 30_000)
})
