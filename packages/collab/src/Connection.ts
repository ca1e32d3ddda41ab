import type { CollabLimits } from './CollabLimits.js'
import type { CollabSocket } from './CollabSocket.js'
import type { ConnectionRoom } from './ConnectionRoom.js'
import type { Logger } from './Logger.js'
import { PendingUpdates } from './PendingUpdates.js'
import { CloseCode } from './protocol.js'
import { TokenBucket } from './TokenBucket.js'

/** How a connection may use its document; given to `CollabServer.handleConnection`. */
export interface ConnectionOptions {
  /**
   * The client may read the document and share awareness, but every change it sends (sync step 2, update) is
   * dropped: never applied, relayed or stored. It is told so once, with a `permission-denied` auth message
   * (reason `read-only`) right after the server's sync step 1. Default: false.
   */
  readOnly?: boolean
  /**
   * The client asked for durability acknowledgements (`durable=1`): it receives `messageDurability` messages —
   * SAVED with the state vector the store holds, right after the server's sync step 1 and after each write that
   * stored updates, and STORAGE_FAILING while writes fail. Default: false (stock clients never see them).
   */
  durableAcks?: boolean
  /**
   * Who the connection counts against for `CollabLimits.maxConnectionsPerLimitKey`: an opaque key, the same for
   * connections of one person or token (the server passes the invite's id, never the token). Connections of the
   * same key may also take over each other's client ids (a tab reconnecting; see `ClientIdBindings`).
   * Default: none (not counted, takes over nothing).
   */
  limitKey?: string
}

/** @internal What `CollabServer` hands a new connection. */
export interface ConnectionInit {
  socket: CollabSocket
  documentName: string
  context: unknown
  /** `null` for a connection closed as soon as it is made. */
  room: ConnectionRoom | null
  logger: Logger
  limits: CollabLimits
  readOnly: boolean
  durableAcks: boolean
  limitKey: string | undefined
}

/** The limits a connection itself enforces, by name, for log lines. */
type ConnectionLimit = keyof CollabLimits

/**
 * One client's connection to one document, as handed to the socket glue by `CollabServer.handleConnection`.
 * The glue calls `receive` for every binary message and `closed` once the socket has closed.
 */
export class Connection {
  readonly documentName: string
  /** Whatever the glue passed to `handleConnection` (for example the authenticated principal). */
  readonly context: unknown
  /** True when the connection's document changes are dropped (see `ConnectionOptions.readOnly`). */
  readonly readOnly: boolean
  /** True when the connection receives durability acknowledgements (see `ConnectionOptions.durableAcks`). */
  readonly durableAcks: boolean
  /** See `ConnectionOptions.limitKey`. */
  readonly limitKey: string | undefined
  /**
   * This connection's updates that wait for structs the document lacks; see `PendingUpdates`.
   * @internal
   */
  readonly pending = new PendingUpdates()
  private readonly socket: CollabSocket
  private readonly logger: Logger
  private readonly limits: CollabLimits
  private readonly messageBudget: TokenBucket
  private room: ConnectionRoom | null
  /** Messages received before the document loaded; `null` once the connection has started. */
  private queuedMessages: Uint8Array[] | null = []
  private queuedBytes = 0
  private droppedWrites = 0
  private isClosed = false

  /** @internal Connections are made by `CollabServer.handleConnection`. */
  constructor(init: ConnectionInit) {
    this.socket = init.socket
    this.documentName = init.documentName
    this.context = init.context
    this.room = init.room
    this.logger = init.logger
    this.limits = init.limits
    this.readOnly = init.readOnly
    this.durableAcks = init.durableAcks
    this.limitKey = init.limitKey
    this.messageBudget = new TokenBucket(init.limits.messagesPerSecond, 2 * init.limits.messagesPerSecond)
  }

  /** True between the document having loaded and the connection closing: it takes part in the document. */
  get isStarted(): boolean {
    return this.queuedMessages === null && !this.isClosed
  }

  get isOpen(): boolean {
    return !this.isClosed
  }

  /** True once the socket said its close handshake has begun (`CollabSocket.closing`). */
  get isClosing(): boolean {
    return this.socket.closing === true
  }

  /**
   * Hands over one binary message from the client. Kept in order until the document has loaded. Never throws:
   * a message past a limit or malformed closes this connection (see `CloseCode`).
   */
  receive(data: Uint8Array): void {
    if (this.isClosed || this.room === null) return
    if (data.byteLength > this.limits.maxMessageBytes) {
      this.closeForLimit('maxMessageBytes', CloseCode.MessageTooLarge, 'Message too large', {
        messageBytes: data.byteLength,
      })
      return
    }
    if (!this.messageBudget.take()) {
      this.closeForLimit('messagesPerSecond', CloseCode.RateLimited, 'Too many messages')
      return
    }
    // Decoders read through `data.buffer`; a view into a larger (pooled) buffer must not expose its neighbours.
    if (data.byteOffset !== 0 || data.byteLength !== data.buffer.byteLength) data = data.slice()
    if (this.queuedMessages === null) {
      this.room.receive(this, data)
      return
    }
    this.queuedBytes += data.byteLength
    if (this.queuedBytes > 2 * this.limits.maxMessageBytes) {
      this.closeForLimit('maxMessageBytes', CloseCode.MessageTooLarge, 'Too much sent before the document loaded', {
        queuedBytes: this.queuedBytes,
      })
      return
    }
    this.queuedMessages.push(data)
  }

  /**
   * Tells the core the socket has closed. Safe to call more than once. A client that leaves before its document
   * loaded leaves what it sent to the room, which applies the document changes in it once loaded.
   */
  closed(): void {
    if (this.isClosed) return
    this.isClosed = true
    // What it sent before its document loaded goes to the room: a writer's changes are applied once it has.
    const unsent = this.queuedMessages ?? []
    this.queuedMessages = null
    if (this.droppedWrites > 0) {
      this.logger.debug('Read-only connection closed; its document changes were dropped', {
        documentName: this.documentName,
        droppedWrites: this.droppedWrites,
      })
    }
    const room = this.room
    this.room = null
    room?.removeConnection(this, unsent)
  }

  /**
   * Closes the socket with a `CloseCode` and forgets the connection. What it sent before its document loaded is
   * dropped: a connection the server closes (past a limit, its invite revoked, shutdown) writes nothing more.
   */
  close(code: number, reason: string): void {
    if (this.isClosed) return
    this.queuedMessages = null
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
   * Closes the connection for going past `limit`, with one warn line naming it.
   * @internal
   */
  closeForLimit(limit: ConnectionLimit, code: number, reason: string, fields: Record<string, unknown> = {}): void {
    if (this.isClosed) return
    this.logger.warn('Closing a connection that went past a limit', {
      documentName: this.documentName,
      limit,
      [limit]: this.limits[limit],
      closeCode: code,
      ...fields,
    })
    this.close(code, reason)
  }

  /**
   * Counts a document change dropped because the connection is read-only; logs the 1st, 10th, 100th, …
   * @internal
   */
  dropWrite(): void {
    this.droppedWrites++
    if (/^10*$/.test(String(this.droppedWrites))) {
      this.logger.debug('Dropped a document change from a read-only connection', {
        documentName: this.documentName,
        droppedWrites: this.droppedWrites,
      })
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
    this.queuedBytes = 0
    greet()
    for (const data of queued) {
      if (this.isClosed || this.room === null) return
      this.room.receive(this, data)
    }
  }
}
