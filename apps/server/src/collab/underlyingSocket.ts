import { Socket } from 'node:net'
import type { WebSocket } from 'ws'

/**
 * The TCP socket under a `ws` WebSocket, to cork it (see `TickCorker`). `ws` keeps it as `_socket` and has no
 * public accessor; if a future version moves it, this returns undefined and sends simply go uncorked.
 */
export function underlyingSocket(socket: WebSocket): Socket | undefined {
  const raw: unknown = (socket as unknown as { _socket?: unknown })._socket
  return raw instanceof Socket ? raw : undefined
}
