import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Database } from 'better-sqlite3'
import { CollabServer, type CollabServerOptions, type DocumentStore } from '@rapporteur/collab'
import { SqliteDocumentStore } from '../../storage/SqliteDocumentStore.js'
import { openDatabase } from '../../storage/openDatabase.js'
import { attachCollabWebSocket, type CollabWebSocketOptions } from '../attachCollabWebSocket.js'

export interface CollabTestServerOptions {
  databaseFile: string
  /** Wraps the real SQLite store, e.g. to slow down or fail loads. */
  wrapStore?: (store: SqliteDocumentStore) => DocumentStore
  collab?: Partial<Omit<CollabServerOptions, 'store'>>
  webSocket?: Omit<CollabWebSocketOptions, 'path'>
}

export interface CollabTestServer {
  /** Base URL for `WebsocketProvider`, e.g. `ws://127.0.0.1:1234/collab`. */
  readonly collabUrl: string
  readonly collab: CollabServer
  /** The unwrapped store, for reading what is stored. */
  readonly store: SqliteDocumentStore
  readonly db: Database
  /** Number of stored records of a document. */
  recordCount(documentName: string): number
  /** Closes sockets, stores everything, closes the database. */
  close(): Promise<void>
}

/**
 * The collaboration part of the server, composed like production on a real HTTP server on port 0:
 * SQLite file, SqliteDocumentStore, CollabServer and the WebSocket glue.
 */
export async function startCollabTestServer(options: CollabTestServerOptions): Promise<CollabTestServer> {
  const db = openDatabase(options.databaseFile)
  const store = new SqliteDocumentStore(db)
  const collab = new CollabServer({ flushDelayMs: 5, ...options.collab, store: options.wrapStore?.(store) ?? store })
  const httpServer = http.createServer((_request, response) => response.writeHead(404).end())
  const webSocket = attachCollabWebSocket(httpServer, collab, { ...options.webSocket, path: '/collab' })
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve))
  const { port } = httpServer.address() as AddressInfo
  const countRecords = db.prepare<[string], { count: number }>(
    'SELECT COUNT(*) AS count FROM document_updates WHERE document = ?',
  )
  let closed: Promise<void> | null = null
  return {
    collabUrl: `ws://127.0.0.1:${port}/collab`,
    collab,
    store,
    db,
    recordCount: (documentName) => countRecords.get(documentName)?.count ?? 0,
    close: () =>
      (closed ??= (async () => {
        await webSocket.close()
        await collab.destroy()
        httpServer.closeAllConnections()
        await new Promise<void>((resolve) => httpServer.close(() => resolve()))
        await store.close()
        db.close()
      })()),
  }
}
