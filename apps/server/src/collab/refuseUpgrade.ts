import http from 'node:http'
import type { Duplex } from 'node:stream'

/** Answers an upgrade request with a bare HTTP status and closes the socket; it never becomes a websocket. */
export function refuseUpgrade(socket: Duplex, status: number): void {
  socket.once('finish', () => socket.destroy())
  socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
}
