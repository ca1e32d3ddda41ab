import { createServer } from 'node:http'
import { docs, setPersistence, setupWSConnection } from '@y/websocket-server/utils'
import { WebSocketServer } from 'ws'
import * as Y from 'yjs'
import { SqliteUpdateStore } from './SqliteUpdateStore.js'

// The y-websocket reference server as the benchmark runs it (child process; env PORT, HOST, DATA_DIR):
// `setupWSConnection` of @y/websocket-server on a `ws` server, documents named by the URL path, persisted in
// SQLite (every update a row; loading applies the rows; the last client leaving compacts them to one row and
// unloads the document). `GET /stats` answers `{ documentsInMemory, connections }`.

const port = Number(process.env.PORT ?? 0)
const host = process.env.HOST ?? '127.0.0.1'
const store = new SqliteUpdateStore(process.env.DATA_DIR ?? '.')

setPersistence({
  provider: store,
  // Synchronous on purpose: the rows are applied before setupWSConnection sends its sync step 1.
  bindState: (documentName: string, doc: Y.Doc) => {
    const rows = store.load(documentName)
    doc.transact(() => {
      for (const row of rows) Y.applyUpdate(doc, row)
    })
    doc.on('update', (update: Uint8Array) => store.append(documentName, update))
  },
  writeState: (documentName: string, doc: Y.Doc) => {
    store.replace(documentName, Y.encodeStateAsUpdate(doc))
    return Promise.resolve()
  },
})

const http = createServer((request, response) => {
  if (request.url === '/stats') {
    let connections = 0
    for (const doc of docs.values()) connections += doc.conns.size
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(JSON.stringify({ documentsInMemory: docs.size, connections }))
    return
  }
  response.writeHead(404)
  response.end()
})
const wss = new WebSocketServer({ noServer: true })
wss.on('connection', (socket, request) => setupWSConnection(socket, request))
http.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (websocket) => wss.emit('connection', websocket, request))
})
http.listen(port, host)

process.on('SIGTERM', () => {
  for (const [name, doc] of docs) store.replace(name, Y.encodeStateAsUpdate(doc))
  store.close()
  process.exit(0)
})
