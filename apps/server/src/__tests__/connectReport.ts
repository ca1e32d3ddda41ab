import { messageAuth } from '@rapporteur/collab'
import { WebSocket } from 'ws'
import { readAuthMessage } from 'y-protocols/auth'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { whenSynced } from '../collab/__tests__/whenSynced.js'

export interface ReportClient {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  /** Reasons of the permission-denied auth messages received (`read-only` for chair and viewer). */
  readonly notices: string[]
  /** Resolves once the provider has synced with the server. */
  synced(): Promise<void>
  /** Resolves with the code and reason of the first close sent by the server. */
  readonly closed: Promise<{ code: number; reason: string }>
  destroy(): void
}

/**
 * The stock y-websocket client as the web app uses it: `params: { token }` (none when `token` is null), Node's
 * `ws` as its WebSocket, no BroadcastChannel. Auth messages are recorded instead of printed.
 */
export function connectReport(serverUrl: string, roundtableId: string, token: string | null): ReportClient {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${serverUrl.replace('http', 'ws')}/collab`, roundtableId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: token === null ? {} : { token },
  })
  const notices: string[] = []
  provider.messageHandlers[messageAuth] = (_encoder, decoder) => {
    readAuthMessage(decoder, doc, (_doc, reason) => notices.push(reason))
  }
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    provider.on('connection-close', (event) => {
      if (event !== null) resolve({ code: event.code, reason: event.reason })
    })
  })
  return {
    doc,
    provider,
    notices,
    closed,
    synced: () => whenSynced(provider),
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}
