import { readMetaField, setMetaField } from '@rapporteur/template'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectStockClient, type StockClient } from '../collab/__tests__/connectStockClient.js'
import { createTempDirectory } from '../collab/__tests__/createTempDirectory.js'
import { SeededRandom, randomReportEdit, reportSnapshot } from '../collab/__tests__/randomReportEdit.js'
import { startCollabTestServer, type CollabTestServer } from '../collab/__tests__/startCollabTestServer.js'
import { waitUntil } from '../collab/__tests__/waitUntil.js'
import { filledMeta } from './filledMeta.js'

const documentName = 'roundtable-lifecycle'

function stateVectorKey(doc: Y.Doc): string {
  return Buffer.from(Y.encodeStateVector(doc)).toString('base64')
}

describe('document lifecycle on the server', () => {
  let temp: ReturnType<typeof createTempDirectory>
  let databaseFile: string
  const servers: CollabTestServer[] = []
  const clients: StockClient[] = []

  const startServer = async (collab: { compactAfterRecords?: number; flushDelayMs?: number } = {}) => {
    const server = await startCollabTestServer({ databaseFile, collab })
    servers.push(server)
    return server
  }
  const connect = (server: CollabTestServer): StockClient => {
    const client = connectStockClient(server.collabUrl, documentName)
    clients.push(client)
    return client
  }
  const storedSnapshot = async (server: CollabTestServer): Promise<Record<string, string>> => {
    const doc = new Y.Doc()
    for (const record of await server.store.load(documentName)) Y.applyUpdate(doc, record.update)
    return reportSnapshot(doc)
  }

  beforeEach(() => {
    temp = createTempDirectory('rapporteur-lifecycle-')
    databaseFile = path.join(temp.dir, 'rapporteur.db')
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await Promise.allSettled(servers.splice(0).map((server) => server.close()))
    temp.remove()
  })

  /** Three clients make a round of random edits each; resolves once all have every edit. */
  const editRound = async (editors: StockClient[], round: number): Promise<void> => {
    editors.forEach((client, index) => {
      const random = new SeededRandom(100 * round + index)
      for (let edit = 0; edit < 10; edit++) randomReportEdit(client.doc, random)
    })
    await waitUntil(
      () => editors.every((client) => stateVectorKey(client.doc) === stateVectorKey(editors[0]!.doc)),
      'the editors converged',
    )
  }

  it('unloads a document once its last client leaves, with all of it merged in the database', async () => {
    // Nothing is written on its own: only flushes and the unload store.
    const server = await startServer({ flushDelayMs: 60_000 })
    const editors = [connect(server), connect(server), connect(server)]
    await Promise.all(editors.map((client) => client.synced()))
    for (let round = 1; round <= 3; round++) {
      await editRound(editors, round)
      await server.collab.flush()
    }
    expect(server.recordCount(documentName)).toBe(3)
    await editRound(editors, 4)
    const expected = reportSnapshot(editors[0]!.doc)
    expect(server.collab.openDocumentCount).toBe(1)

    for (const client of clients.splice(0)) client.destroy()
    await waitUntil(() => server.collab.openDocumentCount === 0, 'the document unloaded')

    expect(server.collab.connectionCount).toBe(0)
    expect(server.recordCount(documentName)).toBe(1)
    expect(await storedSnapshot(server)).toEqual(expected)
  })

  it('compacts stored updates in the background and keeps updates stored beside the room', async () => {
    const server = await startServer({ compactAfterRecords: 10 })
    const writer = connect(server)
    const observer = connect(server)
    await Promise.all([writer.synced(), observer.synced()])
    const summary = writer.doc.getXmlFragment('summary')
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('')])
    summary.insert(0, [paragraph])
    const text = paragraph.get(0) as Y.XmlText

    const counts: number[] = []
    for (let index = 0; index < 40; index++) {
      text.insert(text.length, `${index} `)
      await waitUntil(() => stateVectorKey(observer.doc) === stateVectorKey(writer.doc), 'the edit was relayed')
      await server.collab.flush()
      counts.push(server.recordCount(documentName))
      if (index === 20) {
        const beside = new Y.Doc()
        setMetaField(beside, 'title', 'Written beside the open room')
        await server.store.append(documentName, Y.encodeStateAsUpdate(beside))
      }
    }

    expect(Math.max(...counts)).toBeLessThanOrEqual(11)
    expect(counts.some((count, index) => index > 0 && count < (counts[index - 1] as number))).toBe(true)
    const expected = reportSnapshot(writer.doc)
    for (const client of clients.splice(0)) client.destroy()
    await server.close()

    const restarted = await startServer()
    expect(restarted.recordCount(documentName)).toBeLessThan(3)
    const reader = connect(restarted)
    await reader.synced()
    expect(reportSnapshot(reader.doc)).toEqual(expected)
    expect(readMetaField(reader.doc, 'title')).toBe('Written beside the open room')
  }, 15_000)

  it('stores every received update when the server stops while clients are connected', async () => {
    const server = await startServer({ flushDelayMs: 60_000 })
    const editors = [connect(server), connect(server), connect(server)]
    await Promise.all(editors.map((client) => client.synced()))
    await editRound(editors, 1)
    const expected = reportSnapshot(editors[0]!.doc)
    const expectedStateVector = stateVectorKey(editors[0]!.doc)
    expect(server.recordCount(documentName)).toBe(0)

    await server.close()
    for (const client of clients.splice(0)) client.destroy()
    const restarted = await startServer()
    const reader = connect(restarted)
    await reader.synced()
    expect(reportSnapshot(reader.doc)).toEqual(expected)
    expect(stateVectorKey(reader.doc)).toBe(expectedStateVector)
  })

  it('writes server updates into an open document (clients see them) or into the store', async () => {
    const server = await startServer()
    const seed = new Y.Doc()
    setMetaField(seed, 'title', 'Seeded while closed')
    await server.collab.applyServerUpdate(documentName, Y.encodeStateAsUpdate(seed))
    expect(server.collab.openDocumentCount).toBe(0)

    const client = connect(server)
    await client.synced()
    expect(readMetaField(client.doc, 'title')).toBe('Seeded while closed')

    const later = new Y.Doc()
    setMetaField(later, 'session', 'Session 2')
    await server.collab.applyServerUpdate(documentName, Y.encodeStateAsUpdate(later))
    await waitUntil(() => readMetaField(client.doc, 'session') === 'Session 2', 'the client saw the update')
    expect((await storedSnapshot(server)).quotes).toBe('[]')
    const stored = new Y.Doc()
    for (const record of await server.store.load(documentName)) Y.applyUpdate(stored, record.update)
    expect(filledMeta(stored)).toEqual({ title: 'Seeded while closed', session: 'Session 2' })
  })
})
