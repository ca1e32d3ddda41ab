import { WebSocket } from 'ws'
import { openRawSocket, type RawSocket } from './openRawSocket.js'

/** What became of one batch: `closeCode` is null when the connection is still open after handling all of it. */
export interface BatchOutcome {
  closeCode: number | null
}

/**
 * Sends batches of raw frames to one document over plain `ws` sockets, opening a new socket whenever the
 * server closed the previous one. After each batch it pings: the server answers the ping only after it has
 * handled every frame before it (the core handles a message synchronously), so a pong means "all handled, still
 * open" and a close means "closed by one of them". Every binary message the server sent is kept.
 */
export class FrameBatchSender {
  readonly received: Uint8Array[] = []
  private readonly url: string
  private readonly timeoutMs: number
  private current: RawSocket | null = null

  constructor(url: string, timeoutMs = 5000) {
    this.url = url
    this.timeoutMs = timeoutMs
  }

  async send(frames: readonly Uint8Array[]): Promise<BatchOutcome> {
    const raw = await this.open()
    for (const frame of frames) raw.socket.send(frame)
    const pong = new Promise<'pong'>((resolve) => raw.socket.once('pong', () => resolve('pong')))
    raw.socket.ping()
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.timeoutMs)
    })
    const outcome = await Promise.race([pong, raw.closed.then(({ code }) => code), timeout])
    clearTimeout(timer)
    if (outcome === 'timeout') {
      throw new Error(`The server neither answered a ping nor closed the socket within ${this.timeoutMs} ms`)
    }
    return { closeCode: outcome === 'pong' ? null : outcome }
  }

  close(): void {
    this.current?.socket.terminate()
    this.current = null
  }

  private async open(): Promise<RawSocket> {
    if (this.current !== null && this.current.socket.readyState === WebSocket.OPEN) return this.current
    const raw = await openRawSocket(this.url)
    raw.socket.on('message', (data: ArrayBuffer) => this.received.push(new Uint8Array(data)))
    this.current = raw
    return raw
  }
}
