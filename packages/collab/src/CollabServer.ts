import * as Y from 'yjs'
import { resolveCollabLimits, type CollabLimits } from './CollabLimits.js'
import type { CollabHooks } from './CollabHooks.js'
import type { CollabSocket } from './CollabSocket.js'
import { Connection, type ConnectionOptions } from './Connection.js'
import { DocumentRoom } from './DocumentRoom.js'
import type { DocumentStore } from './DocumentStore.js'
import { InvalidUpdateError } from './InvalidUpdateError.js'
import { BackgroundTurns } from './BackgroundTurns.js'
import { silentLogger, type Logger } from './Logger.js'
import { connectionLimitReached } from './connectionLimitReached.js'
import { CloseCode } from './protocol.js'
import type { RedactForReadOnly } from './redactedMessages.js'
import type { RefuseUpdate } from './RefuseUpdate.js'
import { isPeerOrigin, SERVER_ORIGIN, type UpdateOrigin } from './UpdateOrigin.js'

export interface CollabServerOptions {
  /** Where documents are loaded from and every update is written to. */
  store: DocumentStore
  /** Default: `silentLogger`. */
  logger?: Logger
  /** Milliseconds updates are collected before being written as one record. Default: 20. */
  flushDelayMs?: number
  /** Stored records of an open document that trigger merging them into one. Default: 200. */
  compactAfterRecords?: number
  /**
   * Bounds on what one client can make the server do; each one left out is `defaultCollabLimits`'.
   * Throws a `RangeError` naming a limit that is not a positive integer.
   */
  limits?: Partial<CollabLimits>
  /** Observers of the open documents (cheap, synchronous; see `CollabHooks`). Default: none. */
  hooks?: CollabHooks
  /**
   * Rewrites what read-only connections receive of the document, e.g. to withhold content they may not see.
   * Called with a Yjs v1 update and the room's `Y.Doc` (the update already applied); returns the update to send
   * instead, or the same array when there is nothing to withhold. Used for the sync step 2 answering a read-only
   * connection's sync step 1 and, once per update, for the update relayed to the started read-only connections
   * (writers receive the original). It must keep every struct's id and length, so read-only clients stay in step
   * (state vectors, later updates). It must only read the doc. If it throws, the read-only connections that were to
   * receive the update are closed with 1011 (they reconnect and sync again); the original is never sent.
   * Default: none (read-only connections receive what writers receive; nothing is computed).
   */
  redactForReadOnly?: RedactForReadOnly
  /**
   * Stored records larger than this many bytes are loaded in causal chunks of about this size, one per
   * event-loop turn, so a large document's load never holds up the other documents' traffic for long.
   * Default: 16 KiB (a few milliseconds of work).
   */
  loadChunkBytes?: number
  /**
   * Awareness changes (carets, presence) are relayed in batches: the clients changed since the last relay, in one
   * message, just before the room's next document update or this many milliseconds after the first change.
   * 0 relays each change at once. Default: 25.
   */
  awarenessBatchMs?: number
  /**
   * A document stored as one record that the store vouches for, with its state vector (what a compaction or an
   * unload leaves), is sent to writers as it is and built only once something needs it: an update with something
   * in it, a read-only connection, a server update (see `BuildOnDemand`). Until then the room relays awareness
   * and answers from the record; no hooks but `onConnectionsChange` and `onAwarenessChange` are called. Default: true.
   */
  buildOnDemand?: boolean
  /**
   * Called for each writer update (sync step 2 and update messages) after it was validated and before it is
   * applied, with the room's `Y.Doc` (to read only) and the connection's `context`. A refusal it returns closes the
   * connection with that `code` and `reason`; the update is not applied, relayed or stored. If it throws, the
   * connection is closed with 1011 and an error logged (nothing applied either). Default: none (nothing refused).
   */
  refuseUpdate?: RefuseUpdate
}

/**
 * The collaboration server without any transport: give it sockets with `handleConnection` and it runs
 * the y-websocket protocol over documents loaded once from, and written continuously to, a `DocumentStore`.
 */
export class CollabServer {
  private readonly store: DocumentStore
  private readonly logger: Logger
  private readonly flushDelayMs: number
  private readonly compactAfterRecords: number
  readonly limits: Readonly<CollabLimits>
  private readonly hooks: CollabHooks
  private readonly redactForReadOnly: RedactForReadOnly | undefined
  private readonly rooms = new Map<string, DocumentRoom>()
  private readonly backgroundTurns = new BackgroundTurns()
  private readonly loadChunkBytes: number
  private readonly awarenessBatchMs: number
  private readonly buildOnDemand: boolean
  private readonly refuseUpdate: RefuseUpdate | undefined
  /** Writes to documents that were not open, per document; a room loading the document waits for them. */
  private readonly directWrites = new Map<string, Promise<unknown>>()
  private destroying: Promise<void> | null = null

  constructor(options: CollabServerOptions) {
    this.store = options.store
    this.logger = options.logger ?? silentLogger
    this.flushDelayMs = options.flushDelayMs ?? 20
    this.compactAfterRecords = Math.max(2, options.compactAfterRecords ?? 200)
    this.limits = Object.freeze(resolveCollabLimits(options.limits))
    this.hooks = options.hooks ?? {}
    this.redactForReadOnly = options.redactForReadOnly
    this.awarenessBatchMs = options.awarenessBatchMs ?? 25
    this.buildOnDemand = options.buildOnDemand ?? true
    this.refuseUpdate = options.refuseUpdate
    if (!Number.isInteger(this.awarenessBatchMs) || this.awarenessBatchMs < 0) {
      throw new RangeError(`awarenessBatchMs must be a non-negative integer, not ${String(options.awarenessBatchMs)}`)
    }
    this.loadChunkBytes = options.loadChunkBytes ?? 16 * 1024
    if (!Number.isInteger(this.loadChunkBytes) || this.loadChunkBytes < 1) {
      throw new RangeError(`loadChunkBytes must be a positive integer, not ${String(options.loadChunkBytes)}`)
    }
  }

  /** How many documents are in memory (loading, open or storing before unloading). */
  get openDocumentCount(): number {
    return this.rooms.size
  }

  /** How many connections are open, over all documents. */
  get connectionCount(): number {
    let count = 0
    for (const room of this.rooms.values()) count += room.connectionCount
    return count
  }

  /**
   * Connects a socket to a document, loading the document if it is not open. Messages received meanwhile are
   * handled after the load, in order; nothing is sent before it, except to a writer the document's only stored
   * record, as it is, as soon as the store returned it (see `StateSnapshot` and docs/PROTOCOL.md).
   * `context` is kept as `connection.context` (the glue puts the authenticated principal there).
   * `options`: `readOnly`, `durableAcks`, `limitKey` (see `ConnectionOptions`).
   * A server shutting down (4503), or a document at `maxConnectionsPerDocument` writers (a reader: at
   * `maxReadOnlyConnectionsPerDocument` readers) or at `maxConnectionsPerLimitKey` of the connection's key (4508),
   * closes the socket at once.
   */
  handleConnection(
    socket: CollabSocket,
    documentName: string,
    context?: unknown,
    options: ConnectionOptions = {},
  ): Connection {
    this.backgroundTurns.connectionArrived()
    const init = {
      socket,
      documentName,
      context,
      logger: this.logger,
      limits: this.limits,
      readOnly: options.readOnly ?? false,
      durableAcks: options.durableAcks ?? false,
      limitKey: options.limitKey,
    }
    if (this.destroying !== null) {
      const connection = new Connection({ ...init, room: null })
      connection.close(CloseCode.ServerShuttingDown, 'Server is shutting down')
      return connection
    }
    const existing = this.rooms.get(documentName)
    const full = existing === undefined ? null : connectionLimitReached(existing, init.readOnly, init.limitKey, this.limits)
    if (full !== null) {
      const connection = new Connection({ ...init, room: null })
      connection.closeForLimit(full.limit, CloseCode.TooManyConnections, full.reason)
      return connection
    }
    const room = existing ?? this.openRoom(documentName)
    const connection = new Connection({ ...init, room })
    room.addConnection(connection)
    return connection
  }

  /**
   * Closes every open connection, on every document (connections waiting for their document to load
   * included), that `predicate` picks, with `code` and `reason`; returns how many were closed.
   */
  closeConnections(predicate: (connection: Connection) => boolean, code: number, reason: string): number {
    let closed = 0
    for (const room of [...this.rooms.values()]) closed += room.closeConnectionsWhere(predicate, code, reason)
    return closed
  }

  /** Writes an update on the server's behalf: `applyUpdate` with the origin `SERVER_ORIGIN`. */
  applyServerUpdate(documentName: string, update: Uint8Array): Promise<void> {
    return this.applyUpdate(documentName, update, SERVER_ORIGIN)
  }

  /**
   * The one entry for updates that come from elsewhere than a document's connections — the server's own writes,
   * restores, other instances — each with its named origin (`UpdateOrigin`). If the document is open, the update
   * is applied there (clients receive it; `onDocumentChange` is told the origin); otherwise it is appended to the
   * store — except a `peer` update (stored by the instance it came from): applied only to an open document, never
   * stored here. Resolves once it is durable. Throws `InvalidUpdateError` if it is not a Yjs update.
   */
  async applyUpdate(documentName: string, update: Uint8Array, origin: UpdateOrigin): Promise<void> {
    try {
      Y.decodeUpdate(update)
    } catch (error) {
      throw new InvalidUpdateError(`Not a Yjs update for document "${documentName}"`, { cause: error })
    }
    for (;;) {
      const room = this.rooms.get(documentName)
      // Another instance's update is stored there: with the document not open here, nothing is to be done.
      if (room === undefined) return isPeerOrigin(origin) ? undefined : this.appendDirectly(documentName, update)
      if (room.isReady) {
        room.applyUpdate(update, origin)
        return room.flush()
      }
      // Loading or dormant: build it, then look again (the room may be ready, or gone).
      await room.build()
    }
  }

  /** Resolves once every update received so far, on every document, is durable. */
  async flush(): Promise<void> {
    await Promise.all([...this.rooms.values()].map((room) => room.flush()))
    await Promise.all(this.directWrites.values())
  }

  /**
   * Closes every connection, stores and unloads every document, and refuses new connections.
   * Rejects (after unloading everything) if some document could not be stored.
   */
  destroy(): Promise<void> {
    this.destroying ??= this.unloadAll()
    return this.destroying
  }

  private async unloadAll(): Promise<void> {
    const rooms = [...this.rooms.values()]
    for (const room of rooms) room.closeConnections(CloseCode.ServerShuttingDown, 'Server is shutting down')
    const results = await Promise.allSettled(rooms.map((room) => room.unload()))
    await Promise.allSettled(this.directWrites.values())
    const failures = results.filter((result) => result.status === 'rejected')
    for (const room of this.rooms.values()) room.destroy()
    if (failures.length > 0) {
      throw new AggregateError(
        failures.map((failure) => failure.reason as unknown),
        `${failures.length} document(s) could not be stored before shutting down`,
      )
    }
  }

  private openRoom(documentName: string): DocumentRoom {
    const room = new DocumentRoom({
      name: documentName,
      store: this.store,
      logger: this.logger,
      flushDelayMs: this.flushDelayMs,
      compactAfterRecords: this.compactAfterRecords,
      limits: this.limits,
      hooks: this.hooks,
      backgroundTurns: this.backgroundTurns,
      loadChunkBytes: this.loadChunkBytes,
      awarenessBatchMs: this.awarenessBatchMs,
      buildOnDemand: this.buildOnDemand,
      ...(this.refuseUpdate === undefined ? {} : { refuseUpdate: this.refuseUpdate }),
      ...(this.redactForReadOnly === undefined ? {} : { redactForReadOnly: this.redactForReadOnly }),
      beforeLoad: async () => {
        // A failed write was reported to its caller; it must not fail the load.
        await this.directWrites.get(documentName)?.catch(() => undefined)
      },
      onDiscard: (discarded) => {
        if (this.rooms.get(documentName) === discarded) this.rooms.delete(documentName)
      },
    })
    this.rooms.set(documentName, room)
    return room
  }

  private async appendDirectly(documentName: string, update: Uint8Array): Promise<void> {
    const previous = this.directWrites.get(documentName) ?? Promise.resolve()
    const write = previous.catch(() => undefined).then(() => this.store.append(documentName, update))
    this.directWrites.set(documentName, write)
    try {
      await write
    } finally {
      if (this.directWrites.get(documentName) === write) this.directWrites.delete(documentName)
    }
  }
}
