import type { CollabSocket } from './CollabSocket.js'
import type { DocumentRoom } from './DocumentRoom.js'
import type { Logger } from './Logger.js'

/**
 * One client's connection to one document, as handed to the socket glue by `CollabServer.handleConnection`.
 * The glue calls `receive` for every binary message and `closed` once the socket has closed.
 */
export class Connection {
  readonly documentName: string
  /** Whatever the glue passed to `handleConnection` (for example the HTTP upgrade request). */
  readonly context: unknown
  private readonly socket: CollabSocket
  private readonly logger: Logger
  private room: DocumentRoom | null
  /** Messages received before the document loaded; `null` once the connection has started. */
  private queuedMessages: Uint8Array[] | null = []
  private isClosed = false

  constructor(socket: CollabSocket, documentName: string, context: unknown, room: DocumentRoom | null, logger: Logger) {
    this.socket = socket
    this.documentName = documentName
    this.context = context
    this.room = room
    this.logger = logger
  }

  /** True between the document having loaded and the connection closing: it takes part in the document. */
  get isStarted(): boolean {
    return this.queuedMessages === null && !this.isClosed
  }

  get isOpen(): boolean {
    return !this.isClosed
  }

  /** Hands over one binary message from the client. Kept in order until the document has loaded. */
  receive(data: Uint8Array): void {
    if (this.isClosed || this.room === null) return
    // Decoders read through `data.buffer`; a view into a larger (pooled) buffer must not expose its neighbours.
    if (data.byteOffset !== 0 || data.byteLength !== data.buffer.byteLength) data = data.slice()
    if (this.queuedMessages !== null) this.queuedMessages.push(data)
    else this.room.receive(this, data)
  }

  /** Tells the core the socket has closed. Safe to call more than once. */
  closed(): void {
    if (this.isClosed) return
    this.isClosed = true
    this.queuedMessages = null
    const room = this.room
    this.room = null
    room?.removeConnection(this)
  }

  /** Closes the socket with a `CloseCode` and forgets the connection. */
  close(code: number, reason: string): void {
    if (this.isClosed) return
    try {
      this.socket.close(code, reason)
    } catch (error) {
      this.logger.warn('Closing a socket failed', { documentName: this.documentName, error })
    }
    this.closed()
  }

  /** Sends one message unless the connection has closed. */
  send(data: Uint8Array): void {
    if (this.isClosed) return
    try {
      this.socket.send(data)
    } catch (error) {
      this.logger.warn('Sending to a socket failed; closing it', { documentName: this.documentName, error })
      this.closed()
    }
  }

  /**
   * Called by the room once its document has loaded: lets the room greet the client, then handles the
   * messages that arrived while loading, in order.
   * @internal
   */
  start(greet: () => void): void {
    const queued = this.queuedMessages
    if (this.isClosed || queued === null) return
    this.queuedMessages = null
    greet()
    for (const data of queued) this.receive(data)
  }
}
