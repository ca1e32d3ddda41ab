import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { connectStockClient, type StockClient } from '../collab/__tests__/connectStockClient.js'
import { createTempDirectory } from '../collab/__tests__/createTempDirectory.js'
import { startCollabTestServer, type CollabTestServer } from '../collab/__tests__/startCollabTestServer.js'
import { waitUntil } from '../collab/__tests__/waitUntil.js'

const documentName = 'roundtable-on-demand'

describe('a stored report built on demand (real SQLite, stock y-websocket clients)', () => {
  let temp: ReturnType<typeof createTempDirectory>
  let server: CollabTestServer
  /** Documents built (`onDocumentLoad`), in order. */
  let built: string[]
  const clients: StockClient[] = []

  async function start(): Promise<void> {
    server = await startCollabTestServer({
      databaseFile: path.join(temp.dir, 'rapporteur.db'),
      collab: { hooks: { onDocumentLoad: (name) => built.push(name) } },
    })
  }

  function connect(): StockClient {
    const client = connectStockClient(server.collabUrl, documentName)
    clients.push(client)
    return client
  }

  async function leaveAll(): Promise<void> {
    for (const client of clients.splice(0)) client.destroy()
    await waitUntil(() => server.collab.openDocumentCount === 0, 'the document was unloaded')
  }

  beforeEach(async () => {
    temp = createTempDirectory('rapporteur-on-demand-')
    built = []
    await start()
    // Two writes, then the unload compacts them: one record, stored with its checksum and state vector.
    const author = connect()
    await author.synced()
    author.doc.getText('summary').insert(0, 'Participants compared mobility schemes.')
    await waitUntil(() => server.recordCount(documentName) === 1, 'the first write was stored')
    author.doc.getText('summary').insert(0, ' ')
    author.doc.getText('summary').delete(0, 1)
    await waitUntil(() => server.recordCount(documentName) === 2, 'the second write was stored')
    await leaveAll()
    expect(server.recordCount(documentName)).toBe(1)
    const [row] = server.db.prepare<[string], { vector: Buffer | null }>('SELECT state_vector AS vector FROM document_updates WHERE document = ?').all(documentName)
    expect(row?.vector).toBeInstanceOf(Buffer)
    built = []
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
    temp.remove()
  })

  it('serves it and relays presence without building it; the first edit builds it and is relayed and stored', async () => {
    const alice = connect()
    const bob = connect()
    await Promise.all([alice.synced(), bob.synced()])
    expect(alice.doc.getText('summary').toString()).toBe('Participants compared mobility schemes.')
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice' })
    await waitUntil(() => bob.provider.awareness.getStates().has(alice.doc.clientID), 'bob sees alice')
    expect(built).toEqual([])

    bob.doc.getText('summary').insert(0, 'Agreed: ')
    await waitUntil(() => alice.doc.getText('summary').toString().startsWith('Agreed: '), 'alice got the edit')
    expect(built).toEqual([documentName])
    await leaveAll()

    // Everything is stored: a new server process reads it back.
    await server.close()
    await start()
    const reader = connect()
    await reader.synced()
    expect(reader.doc.getText('summary').toString()).toBe('Agreed: Participants compared mobility schemes.')
  })

  it('leaves the stored record as it was when everyone only read it', async () => {
    const before = server.db.prepare('SELECT id, checksum FROM document_updates WHERE document = ?').all(documentName)
    const readers = [connect(), connect()]
    await Promise.all(readers.map((client) => client.synced()))
    await leaveAll()
    expect(built).toEqual([])
    expect(server.db.prepare('SELECT id, checksum FROM document_updates WHERE document = ?').all(documentName)).toEqual(before)
  })
})
