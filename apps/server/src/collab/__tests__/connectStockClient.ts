import { WebsocketProvider } from 'y-websocket'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { whenSynced } from './whenSynced.js'

export interface StockClient {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  /** Resolves once the provider has synced with the server. */
  synced(): Promise<void>
  destroy(): void
}

/** The stock y-websocket client, as the web app uses it, with Node's `ws` as its WebSocket. */
export function connectStockClient(collabUrl: string, documentName: string): StockClient {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(collabUrl, documentName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    // Clients in one process must talk through the server, not through a BroadcastChannel.
    disableBc: true,
  })
  return {
    doc,
    provider,
    synced: () => whenSynced(provider),
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}
