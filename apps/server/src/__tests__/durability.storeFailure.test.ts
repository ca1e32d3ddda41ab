import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectStockClient, type StockClient } from '../collab/__tests__/connectStockClient.js'
import { createTempDirectory } from '../collab/__tests__/createTempDirectory.js'
import { startCollabTestServer, type CollabTestServer } from '../collab/__tests__/startCollabTestServer.js'
import { waitUntil } from '../collab/__tests__/waitUntil.js'
import { connectDurableClient, type DurableClient } from './connectDurableClient.js'
import { RecordingLogger } from './testServer.js'

function storedText(server: CollabTestServer, documentName: string): string {
  const doc = new Y.Doc()
  const rows = server.db
    .prepare<[string], { update: Buffer }>('SELECT "update" FROM document_updates WHERE document = ? ORDER BY id')
    .all(documentName)
  for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.update))
  return doc.getText('body').toString()
}

describe('durability: a failing store', () => {
  let temp: ReturnType<typeof createTempDirectory>
  let server: CollabTestServer
  let logger: RecordingLogger
  const clients: Array<DurableClient | StockClient> = []

  beforeEach(async () => {
    temp = createTempDirectory('rapporteur-store-failure-')
    logger = new RecordingLogger()
    server = await startCollabTestServer({
      databaseFile: path.join(temp.dir, 'rapporteur.db'),
      collab: { logger, flushDelayMs: 20 },
    })
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    server.db.exec('DROP TRIGGER IF EXISTS disk_full')
    await server.close()
    temp.remove()
  })

  it('sends STORAGE_FAILING and no SAVED while SQLite refuses writes, keeps relaying, and saves everything once it recovers', async () => {
    const durable = connectDurableClient(server.collabUrl, 'report')
    const other = connectStockClient(server.collabUrl, 'report')
    clients.push(durable, other)
    await waitUntil(() => durable.provider.synced && other.provider.synced, 'both synced')
    expect(durable.notices.map((notice) => notice.kind)).toEqual(['saved'])

    durable.doc.getText('body').insert(0, 'saved at once ')
    await waitUntil(() => durable.isSaved(), 'the first edit is saved')
    expect(storedText(server, 'report')).toBe('saved at once ')

    // The disk fills up: every write to the update log fails, in SQLite itself.
    server.db.exec(`CREATE TRIGGER disk_full BEFORE INSERT ON document_updates
      BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`)
    const body = durable.doc.getText('body')
    for (const word of ['while ', 'the ', 'disk ', 'is ', 'full ']) body.insert(body.length, word)
    other.doc.getText('body').insert(0, '[other] ')

    await waitUntil(() => durable.notices.some((notice) => notice.kind === 'failing'), 'STORAGE_FAILING arrived')
    const expected = '[other] saved at once while the disk is full '
    await waitUntil(() => other.doc.getText('body').toString() === expected, 'the other client still receives edits')
    await waitUntil(() => durable.doc.getText('body').toString() === expected, 'and the durable one too')
    // Persistence keeps retrying by itself; nothing new is acknowledged meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(durable.isSaved()).toBe(false)
    const failingAt = durable.notices.findIndex((notice) => notice.kind === 'failing')
    expect(durable.notices.slice(failingAt + 1)).toEqual([])
    expect(storedText(server, 'report')).toBe('saved at once ')
    expect(logger.entries.filter((entry) => entry.level === 'error').length).toBeGreaterThanOrEqual(2)

    // The disk has room again; no one types, yet everything is stored and acknowledged.
    server.db.exec('DROP TRIGGER disk_full')
    await waitUntil(() => durable.isSaved(), 'SAVED after recovery, without a new edit', 10_000)
    expect(storedText(server, 'report')).toBe(expected)
    expect(durable.notices.at(-1)?.kind).toBe('saved')
  })

  it('never sends message type 100 to a stock client that did not ask', async () => {
    const stock = connectStockClient(server.collabUrl, 'report')
    clients.push(stock)
    const types: number[] = []
    stock.provider.messageHandlers[100] = () => types.push(100)
    await waitUntil(() => stock.provider.synced, 'synced')
    server.db.exec(`CREATE TRIGGER disk_full BEFORE INSERT ON document_updates
      BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`)
    stock.doc.getText('body').insert(0, 'plain')
    await waitUntil(() => logger.entries.some((entry) => entry.level === 'error'), 'a write failed')
    server.db.exec('DROP TRIGGER disk_full')
    await server.collab.flush()
    expect(storedText(server, 'report')).toBe('plain')
    expect(types).toEqual([])
  })
})
