import path from 'node:path'
import { CloseCode, encodeSyncStep1Message } from '@rapporteur/collab'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { GatedLoadStore } from '../collab/__tests__/GatedLoadStore.js'
import { connectStockClient, type StockClient } from '../collab/__tests__/connectStockClient.js'
import { createTempDirectory } from '../collab/__tests__/createTempDirectory.js'
import { openRawSocket } from '../collab/__tests__/openRawSocket.js'
import { reportSnapshot } from '../collab/__tests__/randomReportEdit.js'
import { startCollabTestServer, type CollabTestServer } from '../collab/__tests__/startCollabTestServer.js'
import { messageKind, syncPayload } from '../collab/__tests__/syncMessages.js'
import { waitUntil } from '../collab/__tests__/waitUntil.js'

const documentName = 'roundtable-loading'

/** A report with a paragraph in two sections and one quote. */
function storedReport(): Y.Doc {
  const doc = new Y.Doc()
  for (const [section, text] of [
    ['summary', 'Participants compared mobility schemes.'],
    ['challenges', 'Visa costs remain high.'],
  ] as const) {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(text)])
    doc.getXmlFragment(section).insert(0, [paragraph])
  }
  const quote = new Y.Map<string>()
  quote.set('text', 'Skills travel with people.')
  quote.set('consent', 'approved')
  doc.getArray('quotes').insert(0, [quote])
  return doc
}

describe('loading a document', () => {
  let temp: ReturnType<typeof createTempDirectory>
  let server: CollabTestServer
  let gated: GatedLoadStore
  const clients: StockClient[] = []

  beforeEach(async () => {
    temp = createTempDirectory('rapporteur-loading-')
    server = await startCollabTestServer({
      databaseFile: path.join(temp.dir, 'rapporteur.db'),
      wrapStore: (store) => (gated = new GatedLoadStore(store)),
    })
  })

  afterEach(async () => {
    gated.open()
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
    temp.remove()
  })

  it('sends no sync message before the store answered, then the full stored state', async () => {
    const stored = storedReport()
    await server.store.append(documentName, Y.encodeStateAsUpdate(stored))
    const raw = await openRawSocket(`${server.collabUrl}/${documentName}`)
    raw.send(encodeSyncStep1Message(new Y.Doc()))
    const client = connectStockClient(server.collabUrl, documentName)
    clients.push(client)

    await waitUntil(() => server.collab.connectionCount === 2 && gated.loadCalls === 1, 'both connections wait')
    // Give a misbehaving server every chance to answer before the load ends.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(raw.received).toEqual([])
    expect(client.provider.synced).toBe(false)
    expect(client.doc.getXmlFragment('summary').length).toBe(0)
    expect(server.collab.openDocumentCount).toBe(1)

    gated.open()
    await client.synced()
    expect(reportSnapshot(client.doc)).toEqual(reportSnapshot(stored))
    await waitUntil(() => raw.received.length >= 3, 'the raw socket got its sync reply')
    // The server's step 1 and the single stored record, as it is (before the server decodes it), then the answer
    // to the client's step 1.
    expect(raw.received.slice(0, 3).map(messageKind)).toEqual(['step1', 'step2', 'step2'])
    const synced = new Y.Doc()
    Y.applyUpdate(synced, syncPayload(raw.received[1] as Uint8Array))
    expect(reportSnapshot(synced)).toEqual(reportSnapshot(stored))
    expect(gated.loadCalls).toBe(1)
    raw.socket.close()
  })

  it('closes connections when the load fails and never stores over the stored document', async () => {
    await server.store.append(documentName, Y.encodeStateAsUpdate(storedReport()))
    const rowsBefore = server.db.prepare('SELECT id, "update" FROM document_updates ORDER BY id').all()
    gated.failLoads = true
    gated.open()

    const raw = await openRawSocket(`${server.collabUrl}/${documentName}`)
    const client = connectStockClient(server.collabUrl, documentName)
    clients.push(client)
    const offline = new Y.XmlElement('paragraph')
    offline.insert(0, [new Y.XmlText('Typed while the server could not load.')])
    client.doc.getXmlFragment('opportunities').insert(0, [offline])

    expect((await raw.closed).code).toBe(CloseCode.DocumentLoadFailed)
    await waitUntil(() => server.collab.openDocumentCount === 0, 'the failed document was dropped')
    await server.collab.flush()
    expect(server.db.prepare('SELECT id, "update" FROM document_updates ORDER BY id').all()).toEqual(rowsBefore)

    gated.failLoads = false
    await client.synced()
    const expected = reportSnapshot(storedReport())
    expect(reportSnapshot(client.doc)).toEqual({ ...expected, opportunities: client.doc.getXmlFragment('opportunities').toString() })
    expect(client.doc.getXmlFragment('opportunities').toString()).toContain('Typed while the server could not load.')

    const final = reportSnapshot(client.doc)
    clients.splice(0).forEach((stockClient) => stockClient.destroy())
    await waitUntil(() => server.collab.openDocumentCount === 0, 'the document unloaded')
    const reloaded = new Y.Doc()
    for (const record of await server.store.load(documentName)) Y.applyUpdate(reloaded, record.update)
    expect(reportSnapshot(reloaded)).toEqual(final)
  }, 15_000)
})
