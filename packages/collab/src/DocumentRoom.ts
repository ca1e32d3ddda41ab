import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { buildFromStore } from './buildFromStore.js'
import type { CollabHooks } from './CollabHooks.js'
import type { Connection } from './Connection.js'
import { DocumentPersistence } from './DocumentPersistence.js'
import type { DocumentRoomOptions } from './DocumentRoomOptions.js'
import { DurableAcks } from './DurableAcks.js'
import {
  encodePermissionDeniedMessage,
  encodeSyncStep1Message,
  encodeUpdateMessage,
} from './messages.js'
import { PendingUpdates } from './PendingUpdates.js'
import { ReaderRedaction } from './ReaderRedaction.js'
import { RoomAwareness } from './RoomAwareness.js'
import {
  CloseCode,
  messageAuth,
  messageAwareness,
  messageDurability,
  messageQueryAwareness,
  messageSync,
} from './protocol.js'
import { validateUpdate } from './validateUpdate.js'
import { WriterSyncAnswers } from './WriterSyncAnswers.js'

type RoomState = 'loading' | 'ready' | 'failed' | 'destroyed'

/** Transaction origin of updates written by the server itself (not by a connection). */
const serverOrigin = Symbol('server')

/** How long a room whose final write failed waits before trying to unload again. */
const unloadRetryMs = 5000

/**
 * One open document: its Y.Doc, the awareness of its clients, their connections and its persistence.
 * Loads once, speaks the y-websocket protocol with every connection, and unloads when the last one leaves.
 */
export class DocumentRoom {
  readonly name: string
  readonly doc = new Y.Doc()
  private readonly presence: RoomAwareness
  private readonly options: DocumentRoomOptions
  private readonly connections = new Set<Connection>()
  private state: RoomState = 'loading'
  private persistence: DocumentPersistence | null = null
  private unloading: Promise<void> | null = null
  private unloadRetry: ReturnType<typeof setTimeout> | null = null
  /**
   * The document's size in bytes, kept cheaply: the stored records' bytes at load plus every applied update's,
   * measured exactly (the merged state) at each compaction. Never below the real encoded size by much, and
   * usually above it (updates overlap and merge), so `maxDocumentBytes` errs on the safe side.
   */
  private documentBytes = 0
  /** Pending parts of server updates and of the stored records; see `PendingUpdates`. */
  private readonly pending = new PendingUpdates()
  /** What read-only connections receive when the server redacts for them; null when it does not. */
  private readonly readerRedaction: ReaderRedaction | null
  /** Answers to writers' sync step 1 from already encoded state; see `WriterSyncAnswers`. */
  private readonly writerSync = new WriterSyncAnswers(this.doc)
  /** Resolves with `true` once loaded, or `false` if loading failed. */
  readonly loaded: Promise<boolean>
  private readonly acks: DurableAcks

  constructor(options: DocumentRoomOptions) {
    this.options = options
    this.name = options.name
    this.readerRedaction =
      options.redactForReadOnly === undefined
        ? null
        : new ReaderRedaction(this.doc, options.redactForReadOnly, options.logger, options.name)
    this.presence = new RoomAwareness(
      this.doc,
      this.connections,
      () => this.callHook('onAwarenessChange', (hooks) => hooks.onAwarenessChange?.(this.name, this.presence.awareness)),
      options.awarenessBatchMs,
    )
    this.acks = new DurableAcks(this.name, this.connections, options.logger)
    this.loaded = this.load()
  }

  get isReady(): boolean {
    return this.state === 'ready'
  }

  get connectionCount(): number {
    return this.connections.size
  }

  addConnection(connection: Connection): void {
    this.connections.add(connection)
    this.presence.track(connection)
    this.notifyConnectionsChange()
    if (this.state === 'ready') this.startConnection(connection)
    else if (this.state === 'loading') this.writerSync.connectionAdded(connection)
  }

  removeConnection(connection: Connection): void {
    if (!this.connections.delete(connection)) return
    this.presence.forget(connection, this.state === 'ready')
    this.notifyConnectionsChange()
    if (this.state !== 'ready') return
    if (this.connections.size === 0) this.unloadInBackground()
  }

  closeConnections(code: number, reason: string): void {
    for (const connection of [...this.connections]) connection.close(code, reason)
  }

  /** Closes the open connections `predicate` picks, waiting ones included; returns how many. */
  closeConnectionsWhere(predicate: (connection: Connection) => boolean, code: number, reason: string): number {
    let closed = 0
    for (const connection of [...this.connections]) {
      if (!connection.isOpen || !predicate(connection)) continue
      connection.close(code, reason)
      closed++
    }
    return closed
  }

  /** Handles one message of a started connection; a malformed one closes that connection. */
  receive(connection: Connection, data: Uint8Array): void {
    if (this.state !== 'ready') return
    try {
      const decoder = decoding.createDecoder(data)
      const messageType = decoding.readVarUint(decoder)
      switch (messageType) {
        case messageSync:
          this.receiveSync(connection, decoder)
          break
        case messageAwareness:
          this.presence.receive(connection, decoding.readVarUint8Array(decoder))
          break
        case messageQueryAwareness:
          connection.send(this.presence.statesMessage())
          break
        case messageAuth:
          // Authentication happens before the core sees a socket; the message is ignored.
          break
        case messageDurability:
          this.acks.receive(connection, decoder, this.persistence)
          break
        default:
          throw new Error(`Unknown message type ${messageType}`)
      }
    } catch (error) {
      this.options.logger.warn('Closing a connection that sent a malformed message', {
        documentName: this.name,
        error,
      })
      connection.close(CloseCode.MessageInvalid, 'Malformed message')
    }
  }

  /** Applies an update written by the server; connected clients receive it like any other. */
  applyServerUpdate(update: Uint8Array): void {
    if (this.state !== 'ready') throw new Error(`Document "${this.name}" is not loaded`)
    this.pending.apply(this.doc, update, serverOrigin)
  }

  /** Resolves once every update applied so far is durable (after the load, if still loading). */
  async flush(): Promise<void> {
    if (!(await this.loaded)) return
    await this.persistence?.flush()
  }

  /**
   * Stores everything, merges the stored records and destroys the room, unless a connection is open
   * (or opens meanwhile). Resolves when done or abandoned; rejects if storing failed (the room stays open).
   */
  unload(): Promise<void> {
    this.unloading ??= this.storeAndDestroy().finally(() => {
      this.unloading = null
    })
    return this.unloading
  }

  private async load(): Promise<boolean> {
    try {
      await this.options.beforeLoad()
      const stored = await this.options.store.load(this.name)
      if (this.state !== 'loading') return false
      const built = await buildFromStore(this.doc, stored, this.writerSync, this.connections, {
        documentName: this.name,
        store: this.options.store,
        logger: this.options.logger,
        turns: this.options.loadTurns,
        chunkBytes: this.options.loadChunkBytes,
        isCancelled: () => this.state !== 'loading',
      })
      if (built === null) return false
      const { records } = built
      for (const record of records) this.documentBytes += record.update.byteLength
      this.pending.adopt(this.doc)
      if (this.state !== 'loading') return false
      this.writerSync.loaded(this.pending.isEmpty ? built.exactRecord : null)
      if (!this.pending.isEmpty) {
        this.options.logger.warn('Stored document holds updates with missing dependencies; keeping them aside', {
          documentName: this.name,
          pendingBytes: this.pending.byteLength,
        })
      }
      this.persistence = new DocumentPersistence({
        store: this.options.store,
        documentName: this.name,
        logger: this.options.logger,
        flushDelayMs: this.options.flushDelayMs,
        compactAfterRecords: this.options.compactAfterRecords,
        encodeState: () => this.encodeState(),
        loadedRecordIds: records.map((record) => record.id),
        encodeStateVector: () => Y.encodeStateVector(this.doc),
        onDurable: (stateVector) => this.acks.saved(stateVector),
        onFailing: (reason) => this.acks.failing(reason),
      })
    } catch (error) {
      this.options.logger.error('Could not load document', { documentName: this.name, error })
      this.state = 'failed'
      this.closeConnections(CloseCode.DocumentLoadFailed, 'Document could not be loaded')
      this.destroy()
      return false
    }
    this.doc.on('update', this.handleDocumentUpdate)
    this.presence.start()
    this.state = 'ready'
    this.options.logger.debug('Loaded document', { documentName: this.name })
    this.callHook('onDocumentLoad', (hooks) => hooks.onDocumentLoad?.(this.name, this.doc))
    for (const connection of [...this.connections]) this.startConnection(connection)
    if (this.connections.size === 0) this.unloadInBackground()
    return true
  }

  private startConnection(connection: Connection): void {
    connection.start(() => {
      // One that received the stored state may have been sent a sync step 1 with it already.
      if (!this.writerSync.hasSentSyncStep1(connection)) connection.send(encodeSyncStep1Message(this.doc))
      if (connection.readOnly) connection.send(encodePermissionDeniedMessage('read-only'))
      this.acks.greet(connection, this.persistence)
      const everyone = this.presence.everyoneMessage()
      if (everyone !== null) connection.send(everyone)
    })
  }

  private receiveSync(connection: Connection, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder)
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1: {
        const stateVector = decoding.readVarUint8Array(decoder)
        if (connection.readOnly && this.readerRedaction !== null) {
          this.readerRedaction.answer(connection, stateVector)
        } else {
          this.writerSync.answer(connection, stateVector)
        }
        break
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate:
        if (connection.readOnly) connection.dropWrite()
        else this.applyClientUpdate(connection, decoding.readVarUint8Array(decoder))
        break
      default:
        throw new Error(`Unknown sync message type ${syncType}`)
    }
  }

  private applyClientUpdate(connection: Connection, update: Uint8Array): void {
    const growth = update.byteLength + connection.pending.byteLength
    if (this.documentBytes + growth > this.options.limits.maxDocumentBytes) {
      connection.closeForLimit('maxDocumentBytes', CloseCode.DocumentTooLarge, 'Document too large', {
        documentBytes: this.documentBytes,
        updateBytes: update.byteLength,
      })
      return
    }
    validateUpdate(update, this.doc, connection.pending.structsUpdate)
    try {
      connection.pending.apply(this.doc, update, connection)
    } catch (error) {
      // Validation should make this impossible; whatever was integrated before the error has been relayed and
      // stored like any update, so clients and store still agree with the document.
      this.options.logger.error('A validated update failed while being integrated; closing its connection', {
        documentName: this.name,
        error,
      })
      connection.close(CloseCode.MessageInvalid, 'Update could not be applied')
      return
    }
    // Honest clients complete what they left waiting with their next messages; it never amounts to much.
    if (connection.pending.byteLength > this.options.limits.maxMessageBytes) {
      connection.closeForLimit('maxMessageBytes', CloseCode.MessageTooLarge, 'Too much waiting for missing structs', {
        pendingBytes: connection.pending.byteLength,
      })
    }
  }

  /** The whole document as one update, for a compaction; re-measures the document's size. */
  private encodeState(): Uint8Array {
    const state = this.pending.while(this.doc, () => Y.encodeStateAsUpdate(this.doc))
    this.documentBytes = state.byteLength
    // With pending structs in it the state holds more than clients may see.
    this.writerSync.stateEncoded(state, this.pending.isEmpty)
    return state
  }

  private readonly handleDocumentUpdate = (update: Uint8Array, origin: unknown): void => {
    this.documentBytes += update.byteLength
    this.writerSync.updateApplied(update)
    // Carets changed since the last relay go first, in the same write to each socket as the update.
    this.presence.flush()
    const message = encodeUpdateMessage(update)
    // Computed at most once per update, and only if a started read-only connection is to receive it.
    let readOnlyMessage: Uint8Array | null | undefined
    for (const connection of this.connections) {
      if (connection === origin || !connection.isStarted) continue
      if (!connection.readOnly || this.readerRedaction === null) {
        connection.send(message)
        continue
      }
      if (readOnlyMessage === undefined) readOnlyMessage = this.readerRedaction.updateMessage(update, message)
      if (readOnlyMessage !== null) connection.send(readOnlyMessage)
      else ReaderRedaction.closeUnredactable(connection)
    }
    this.persistence?.add(update)
    this.callHook('onDocumentChange', (hooks) => hooks.onDocumentChange?.(this.name, this.doc))
  }

  private notifyConnectionsChange(): void {
    if (this.options.hooks.onConnectionsChange === undefined) return
    const connections = [...this.connections]
    this.callHook('onConnectionsChange', (hooks) => hooks.onConnectionsChange?.(this.name, connections))
  }

  /** Calls one hook; a hook that throws is logged and otherwise ignored. */
  private callHook(hook: keyof CollabHooks, call: (hooks: CollabHooks) => void): void {
    try {
      call(this.options.hooks)
    } catch (error) {
      this.options.logger.error('A collab hook threw; ignoring it', { documentName: this.name, hook, error })
    }
  }

  private unloadInBackground(): void {
    this.unload().catch((error: unknown) => {
      this.options.logger.error('Could not store document before unloading; keeping it open', {
        documentName: this.name,
        error,
      })
      this.unloadRetry ??= setTimeout(() => {
        this.unloadRetry = null
        if (this.connections.size === 0 && this.state === 'ready') this.unloadInBackground()
      }, unloadRetryMs)
    })
  }

  private async storeAndDestroy(): Promise<void> {
    if (!(await this.loaded)) return
    const persistence = this.persistence as DocumentPersistence
    for (;;) {
      await persistence.settle()
      if (this.connections.size > 0 || this.state !== 'ready') return
      if (persistence.isIdle) break
    }
    this.destroy()
    this.options.logger.debug('Unloaded document', { documentName: this.name })
  }

  /** Drops the document from memory without storing anything. */
  destroy(): void {
    if (this.state === 'destroyed') return
    const wasReady = this.state === 'ready'
    this.state = 'destroyed'
    if (wasReady) this.callHook('onDocumentUnload', (hooks) => hooks.onDocumentUnload?.(this.name, this.doc))
    if (this.unloadRetry !== null) clearTimeout(this.unloadRetry)
    this.persistence?.dispose()
    this.doc.off('update', this.handleDocumentUpdate)
    this.presence.destroy()
    this.doc.destroy()
    this.options.onDiscard(this)
  }
}
