import { WebSocket } from 'ws'

/** How long a closing socket may take to answer the close handshake before it is cut. */
const closeHandshakeMs = 1000

/** Closes with a close code; cuts the socket if the client does not answer the close handshake in time. */
export function closeWebSocket(socket: WebSocket, code: number, reason: string): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve()
  return new Promise((resolve) => {
    const cut = setTimeout(() => socket.terminate(), closeHandshakeMs)
    socket.once('close', () => {
      clearTimeout(cut)
      resolve()
    })
    socket.close(code, reason)
  })
}
