import { readMetaField, setMetaField } from '@rapporteur/template'
import { randomBytes } from 'node:crypto'
import net from 'node:net'
import path from 'node:path'
import { CloseCode, encodeSyncStep1Message } from '@rapporteur/collab'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectStockClient, type StockClient } from '../collab/__tests__/connectStockClient.js'
import { createTempDirectory } from '../collab/__tests__/createTempDirectory.js'
import { openRawSocket, upgradeStatus } from '../collab/__tests__/openRawSocket.js'
import { startCollabTestServer, type CollabTestServer } from '../collab/__tests__/startCollabTestServer.js'
import { waitUntil } from '../collab/__tests__/waitUntil.js'

const knownDocuments = new Set(['known', 'with space'])

/**
 * Opens a WebSocket by hand over TCP and never answers anything afterwards (not even pings), like a
 * client whose network vanished. Resolves once the server accepted the upgrade.
 */
function openSilentSocket(port: number, documentName: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(
        `GET /collab/${documentName} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n` +
          `Connection: Upgrade\r\nSec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\n` +
          'Sec-WebSocket-Version: 13\r\n\r\n',
      )
    })
    socket.once('data', (head) => {
      if (head.toString().startsWith('HTTP/1.1 101')) resolve(socket)
      else reject(new Error(`Upgrade refused: ${head.toString()}`))
    })
    socket.once('error', reject)
  })
}

describe('collaboration WebSocket endpoint', () => {
  let temp: ReturnType<typeof createTempDirectory>
  let server: CollabTestServer
  const clients: StockClient[] = []

  beforeEach(async () => {
    temp = createTempDirectory('rapporteur-websocket-')
    server = await startCollabTestServer({
      databaseFile: path.join(temp.dir, 'rapporteur.db'),
      webSocket: { documentExists: async (name) => knownDocuments.has(name), pingIntervalMs: 100 },
    })
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
    temp.remove()
  })

  it('accepts /collab/<known document> and refuses other paths and unknown documents with 404', async () => {
    const base = server.collabUrl
    expect(await upgradeStatus(`${base}/known`)).toBe(101)
    expect(await upgradeStatus(`${base}/with%20space?token=x`)).toBe(101)
    expect(await upgradeStatus(`${base}/unknown`)).toBe(404)
    expect(await upgradeStatus(`${base}/known/extra`)).toBe(404)
    expect(await upgradeStatus(`${base}/`)).toBe(404)
    expect(await upgradeStatus(`${base}/%E0%A4%A`)).toBe(404)
    expect(await upgradeStatus(base.replace('/collab', '/elsewhere/known'))).toBe(404)

    await waitUntil(() => server.collab.openDocumentCount === 0, 'accepted documents unloaded')
    const stored = server.db.prepare('SELECT DISTINCT document FROM document_updates').all()
    expect(stored).toEqual([])
  })

  it('closes a connection that sends a malformed or text message with MessageInvalid, and only that one', async () => {
    const writer = connectStockClient(server.collabUrl, 'known')
    const reader = connectStockClient(server.collabUrl, 'known')
    clients.push(writer, reader)
    await Promise.all([writer.synced(), reader.synced()])

    const garbage = await openRawSocket(`${server.collabUrl}/known`)
    garbage.send(encodeSyncStep1Message(new Y.Doc()))
    await waitUntil(() => garbage.received.length > 0, 'the raw socket was greeted')
    garbage.send(new Uint8Array([0, 2, 0x85, 0x80, 0x01, 1, 2, 3]))
    const text = await openRawSocket(`${server.collabUrl}/known`)
    text.send('hello')

    expect((await garbage.closed).code).toBe(CloseCode.MessageInvalid)
    expect((await text.closed).code).toBe(CloseCode.MessageInvalid)
    setMetaField(writer.doc, 'title', 'Still collaborating')
    await waitUntil(() => readMetaField(reader.doc, 'title') === 'Still collaborating', 'the edit was relayed')
    expect(server.collab.connectionCount).toBe(2)
  })

  it('terminates a socket that stops answering pings, and keeps one that answers', async () => {
    const silent = await openSilentSocket(Number(new URL(server.collabUrl).port), 'known')
    const silentClosed = new Promise<void>((resolve) => silent.once('close', () => resolve()))
    const healthy = await openRawSocket(`${server.collabUrl}/known`)
    await waitUntil(() => server.collab.connectionCount === 2, 'both connections are open')

    await silentClosed
    await waitUntil(() => server.collab.connectionCount === 1, 'the silent connection was dropped')
    expect(healthy.socket.readyState).toBe(healthy.socket.OPEN)
    healthy.socket.close()
  })

  it('closes open connections as shutting down when the endpoint closes', async () => {
    const raw = await openRawSocket(`${server.collabUrl}/known`)
    await server.close()
    expect((await raw.closed).code).toBe(CloseCode.ServerShuttingDown)
    expect(server.collab.openDocumentCount).toBe(0)
  })
})
