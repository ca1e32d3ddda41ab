import { mkdirSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import express from 'express'
import { CollabServer } from '@rapporteur/collab'
import type { Logger } from '@rapporteur/collab'
import { createApiRouter } from './api/createApiRouter.js'
import { attachCollabWebSocket } from './collab/attachCollabWebSocket.js'
import type { ServerConfig } from './config/ServerConfig.js'
import { seedDemo } from './demo/seedDemo.js'
import { JsonLogger } from './logger/JsonLogger.js'
import { listen } from './http/listen.js'
import { serverUrl } from './http/serverUrl.js'
import { SqliteCatalog } from './storage/SqliteCatalog.js'
import { SqliteDocumentStore } from './storage/SqliteDocumentStore.js'
import { openDatabase } from './storage/openDatabase.js'
import { serveWebApp } from './web/serveWebApp.js'

export interface RunningServer {
  /** The port actually bound (the one chosen by the system when the configured port is 0). */
  readonly port: number
  /** Base URL for clients, e.g. `http://127.0.0.1:3000`. */
  readonly url: string
  /** Stops accepting connections, closes every socket, stores every pending document write and closes the database. */
  close(): Promise<void>
}

/** Name of the SQLite file inside `dataDir`. */
export const DATABASE_FILE = 'rapporteur.db'

/**
 * Starts Rapporteur: the SQLite database in `config.dataDir`, the collaboration server at `/collab`,
 * the JSON API at `/api`, `/healthz`, and the built web app. Seeds the demo event on the first start.
 */
export async function createServer(config: ServerConfig & { logger?: Logger }): Promise<RunningServer> {
  const logger = config.logger ?? new JsonLogger({ level: config.logLevel })
  mkdirSync(config.dataDir, { recursive: true })
  const db = openDatabase(path.join(config.dataDir, DATABASE_FILE))
  let catalog: SqliteCatalog
  let store: SqliteDocumentStore
  try {
    catalog = new SqliteCatalog(db)
    store = new SqliteDocumentStore(db)
  } catch (error) {
    db.close()
    throw error
  }
  const collab = new CollabServer({ store, logger })
  let closing = false

  const app = express()
  app.disable('x-powered-by')
  app.get('/healthz', (_request, response) => {
    if (closing) response.status(503).json({ status: 'closing' })
    else response.json({ status: 'ok' })
  })
  const writeReportUpdate = (roundtableId: string, update: Uint8Array): Promise<void> =>
    collab.applyServerUpdate(roundtableId, update)
  app.use('/api', createApiRouter({ catalog, logger, writeReportUpdate }))
  app.use(serveWebApp({ webDist: config.webDist }))

  const httpServer = http.createServer(app)
  const collabSocket = attachCollabWebSocket(httpServer, collab, {
    path: '/collab',
    documentExists: (name) => catalog.hasRoundtable(name),
    logger,
  })

  const shutDown = async (): Promise<void> => {
    closing = true
    const stopped = new Promise<void>((resolve) => httpServer.close(() => resolve()))
    httpServer.closeIdleConnections()
    try {
      await collabSocket.close()
      // Stores every pending document write; rejects if some document could not be stored.
      await collab.destroy()
    } finally {
      httpServer.closeAllConnections()
      await stopped
      await store.close()
      db.close()
    }
  }

  try {
    await seedDemo({ catalog, logger, writeReportUpdate })
    await listen(httpServer, config.port, config.host)
  } catch (error) {
    await shutDown()
    throw error
  }

  const port = (httpServer.address() as AddressInfo).port
  let closed: Promise<void> | undefined
  return {
    port,
    url: serverUrl(config.host, port),
    close: () => (closed ??= shutDown()),
  }
}
