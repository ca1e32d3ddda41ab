import { WebSocket } from 'ws'

export interface CollabSocketResult {
  /** 101 when the upgrade was accepted, else the HTTP status it was refused with. */
  readonly status: number
  /** Binary messages received (empty when refused). */
  readonly received: Uint8Array[]
  /** Resolves with the close code and reason (immediately `{ code: 0 }` when the upgrade was refused). */
  readonly closed: Promise<{ code: number; reason: string }>
  readonly socket: WebSocket
}

/** A plain `ws` client to `url`, optionally with an `Origin` header; resolves once it is open or refused. */
export function openCollabSocket(url: string, { origin }: { origin?: string } = {}): Promise<CollabSocketResult> {
  const socket = new WebSocket(url, origin === undefined ? {} : { origin })
  socket.binaryType = 'arraybuffer'
  const received: Uint8Array[] = []
  socket.on('message', (data: ArrayBuffer) => received.push(new Uint8Array(data)))
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
  })
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve({ status: 101, received, closed, socket }))
    socket.once('unexpected-response', (_request, response) => {
      socket.terminate()
      resolve({ status: response.statusCode ?? 0, received, closed: Promise.resolve({ code: 0, reason: '' }), socket })
    })
    socket.once('error', (error) => {
      if (socket.readyState !== WebSocket.CLOSED) reject(error)
    })
  })
}
