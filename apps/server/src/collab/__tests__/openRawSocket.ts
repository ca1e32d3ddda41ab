import { WebSocket } from 'ws'

export interface RawSocket {
  readonly socket: WebSocket
  /** Every binary message received, in order. */
  readonly received: Uint8Array[]
  /** Resolves with the close code and reason once the socket has closed. */
  readonly closed: Promise<{ code: number; reason: string }>
  send(data: Uint8Array | string): void
}

/** A plain `ws` client that records what the server sends; resolves once the socket is open. */
export function openRawSocket(url: string): Promise<RawSocket> {
  const socket = new WebSocket(url)
  socket.binaryType = 'arraybuffer'
  const received: Uint8Array[] = []
  socket.on('message', (data: ArrayBuffer) => received.push(new Uint8Array(data)))
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
  })
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ socket, received, closed, send: (data) => socket.send(data) }))
    socket.once('error', reject)
  })
}

/** The HTTP status a WebSocket upgrade to `url` is answered with (101 when accepted). */
export function upgradeStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url)
    socket.once('open', () => {
      socket.close()
      resolve(101)
    })
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0)
      socket.terminate()
    })
    socket.once('error', (error) => {
      if (socket.readyState !== WebSocket.CLOSED) reject(error)
    })
  })
}
