import type { WebsocketProvider } from 'y-websocket'

/** What the connection indicator shows; also the value of its `data-connection` attribute. */
export type ConnectionState = 'connected' | 'reconnecting' | 'offline' | 'closed'

/**
 * `closed` once the server closed the connection for good (e.g. a revoked invite); `offline` when
 * the browser has no network; `connected` only once the socket is open AND the document finished
 * its first sync; `reconnecting` otherwise (including the very first connect).
 */
export function readConnectionState(provider: WebsocketProvider, online: boolean, closed: boolean): ConnectionState {
  if (closed) return 'closed'
  if (!online) return 'offline'
  return provider.wsconnected && provider.synced ? 'connected' : 'reconnecting'
}
