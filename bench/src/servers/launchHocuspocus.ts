import { Server } from '@hocuspocus/server'
import * as Y from 'yjs'
import { SqliteUpdateStore } from './SqliteUpdateStore.js'

// The Hocuspocus reference server as the benchmark runs it (child process; env PORT, HOST, DATA_DIR): default
// debounce (2 s) / maxDebounce (10 s), `onLoadDocument` applies the stored rows, `onStoreDocument` replaces
// them with the whole state (what its database extension does). `GET /stats` answers
// `{ documentsInMemory, connections }`. SIGTERM: Hocuspocus's own handler stores every document and exits.

const store = new SqliteUpdateStore(process.env.DATA_DIR ?? '.')

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  onLoadDocument: async ({ documentName, document }) => {
    const rows = store.load(documentName)
    document.transact(() => {
      for (const row of rows) Y.applyUpdate(document, row)
    })
    return document
  },
  onStoreDocument: async ({ documentName, document }) => {
    store.replace(documentName, Y.encodeStateAsUpdate(document))
  },
  onRequest: async ({ request, response }) => {
    if (request.url !== '/stats') return
    const instance = server.hocuspocus
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(
      JSON.stringify({ documentsInMemory: instance.getDocumentsCount(), connections: instance.getConnectionsCount() }),
    )
    // Hocuspocus's way to say "answered": reject with no error, so its default reply is skipped.
    return Promise.reject()
  },
})

await server.listen()
