import * as Y from 'yjs'
import { applyClientUpdate } from './applyClientUpdate.js'
import { buildFromStore } from './buildFromStore.js'
import { BuildOnDemand, needsDocument, recordServedAsIs, type RecordServed } from './BuildOnDemand.js'
import { ClientIdBindings } from './ClientIdBindings.js'
import type { Connection } from './Connection.js'
import type { ConnectionRoom } from './ConnectionRoom.js'
import type { DocumentPersistence } from './DocumentPersistence.js'
import type { DocumentRoomOptions } from './DocumentRoomOptions.js'
import { dispatchRoomMessage, type RoomMessageHandlers } from './dispatchRoomMessage.js'
import { DurableAcks } from './DurableAcks.js'
import { encodePermissionDeniedMessage, encodeSyncStep1Message } from './messages.js'
import { PendingUpdates } from './PendingUpdates.js'
import { ReaderRedaction } from './ReaderRedaction.js'
import { RoomAwareness } from './RoomAwareness.js'
import { CloseCode } from './protocol.js'
import { relayUpdate } from './relayUpdate.js'
import { RoomHooks } from './RoomHooks.js'
import { RoomLifecycle } from './RoomLifecycle.js'
import { roomPersistence } from './roomPersistence.js'
import { RoomUnload } from './RoomUnload.js'
import { isPeerOrigin, type ChangeOrigin, type UpdateOrigin } from './UpdateOrigin.js'
import { WriterSyncAnswers } from './WriterSyncAnswers.js'


/**
 * One open document: its Y.Doc, the awareness of its clients, their connections and its persistence. Loads once,
 * speaks the y-websocket protocol with every connection, and unloads when the last one leaves.
 */
export class DocumentRoom implements ConnectionRoom {
  readonly name: string
  readonly doc = new Y.Doc()
  private readonly presence: RoomAwareness
  private readonly options: DocumentRoomOptions
  private readonly connections = new Set<Connection>()
  /** Where the room is in its life: see `RoomLifecycle`, the one place its states and transitions are. */
  private readonly lifecycle: RoomLifecycle
  private persistence: DocumentPersistence | null = null
  private readonly unloader: RoomUnload
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
  /** `true` once the room serves its connections (its document built, or dormant until needed); `false` if loading failed. */
  readonly loaded: Promise<boolean>
  private settleLoaded: (usable: boolean) => void = () => undefined
  /** Resolves with `true` once the document is built, `false` if that failed or the room went first. */
  private readonly built: Promise<boolean>
  private readonly demand = new BuildOnDemand()
  private readonly acks: DurableAcks
  private readonly hooks: RoomHooks
  /** Which writer connection owns which client id; see `ClientIdBindings`. */
  private readonly bindings = new ClientIdBindings(this.doc)
  /** What the room does with each message of a started connection (`dispatchRoomMessage`). */
  private readonly messageHandlers: RoomMessageHandlers = {
    syncStep1: (connection, stateVector) => {
      if (connection.readOnly && this.readerRedaction !== null) this.readerRedaction.answer(connection, stateVector)
      else this.writerSync.answer(connection, stateVector)
    },
    write: (connection, update, isLiveEdit) => {
      if (connection.readOnly) connection.dropWrite()
      // Dormant, only empty updates get here (see `needsDocument`): there is nothing to apply.
      else if (this.lifecycle.state !== 'dormant') {
        applyClientUpdate(this.doc, connection, update, {
          documentName: this.name,
          documentBytes: this.documentBytes,
          limits: this.options.limits,
          logger: this.options.logger,
          bindings: this.bindings,
          isLiveEdit,
          refuseUpdate: this.options.refuseUpdate,
        })
      }
    },
    awareness: (connection, update) => this.presence.receive(connection, update),
    queryAwareness: (connection) => connection.send(this.presence.statesMessage()),
    // Dormant, nothing the connection sent is waiting to be stored.
    durability: (connection, decoder) =>
      this.acks.receive(connection, decoder, () => this.persistence?.durable() ?? Promise.resolve()),
  }

  constructor(options: DocumentRoomOptions) {
    this.options = options
    this.name = options.name
    this.lifecycle = new RoomLifecycle(options.name, options.logger)
    this.hooks = new RoomHooks(options.name, options.hooks, options.logger)
    this.unloader = new RoomUnload(
      options.name,
      options.logger,
      () => this.storeAndDestroy(),
      () => this.connections.size === 0 && this.lifecycle.state === 'live',
    )
    this.readerRedaction =
      options.redactForReadOnly === undefined
        ? null
        : new ReaderRedaction(this.doc, options.redactForReadOnly, options.logger, options.name)
    this.presence = new RoomAwareness(
      this.doc,
      this.connections,
      () => this.hooks.call('onAwarenessChange', (hooks) => hooks.onAwarenessChange?.(this.name, this.presence.awareness)),
      options.awarenessBatchMs,
    )
    this.acks = new DurableAcks(this.name, this.connections, options.logger)
    this.loaded = new Promise((resolve) => {
      this.settleLoaded = resolve
    })
    this.built = this.load()
    void this.built.then((built) => this.settleLoaded(built))
  }

  get isReady(): boolean {
    return this.lifecycle.state === 'live'
  }

  get connectionCount(): number {
    return this.connections.size
  }

  /** Every connection, waiting ones included. */
  get allConnections(): ReadonlySet<Connection> {
    return this.connections
  }

  addConnection(connection: Connection): void {
    this.connections.add(connection)
    this.presence.track(connection)
    this.hooks.connectionsChanged(this.connections)
    if (this.lifecycle.state === 'live') {
      this.startConnection(connection)
      return
    }
    if (this.lifecycle.state !== 'loading' && this.lifecycle.state !== 'dormant') return
    this.writerSync.connectionAdded(connection)
    if (this.lifecycle.state !== 'dormant') return
    // A writer was just sent the record; anyone else (a reader, whose view is redacted from the document) needs it built.
    if (this.writerSync.hasSentSyncStep1(connection)) this.startConnection(connection)
    else this.wake()
  }

  /** Resolves with `true` once the document is built (waking a dormant room), `false` if the room failed or went. */
  build(): Promise<boolean> {
    this.wake()
    return this.built
  }

  /** Forgets a closed connection; the document changes in `unsent` (sent before it was served) apply once built. */
  removeConnection(connection: Connection, unsent: readonly Uint8Array[] = []): void {
    if (!this.connections.delete(connection)) return
    this.bindings.release(connection)
    if (this.lifecycle.state === 'loading' && !connection.readOnly) this.demand.keepLeftBehind(connection, unsent, this.options.limits)
    this.presence.forget(connection)
    this.hooks.connectionsChanged(this.connections)
    if (this.connections.size > 0) return
    // A dormant room has nothing to store.
    if (this.lifecycle.state === 'dormant') this.destroy()
    else if (this.lifecycle.state === 'live') this.unloader.inBackground()
  }

  closeConnections(code: number, reason: string): void {
    this.closeConnectionsWhere(() => true, code, reason)
  }

  /** Closes the open connections `predicate` picks, waiting ones included; returns how many. */
  closeConnectionsWhere(predicate: (connection: Connection) => boolean, code: number, reason: string): number {
    const closing = [...this.connections].filter((connection) => connection.isOpen && predicate(connection))
    for (const connection of closing) connection.close(code, reason)
    return closing.length
  }

  /** Handles one message of a started connection; a malformed one closes that connection. */
  receive(connection: Connection, data: Uint8Array): void {
    if (this.lifecycle.state !== 'live' && !this.canHandleBeforeBuild(connection, data)) return
    try {
      dispatchRoomMessage(connection, data, this.messageHandlers)
    } catch (error) {
      this.options.logger.warn('Closing a connection that sent a malformed message', {
        documentName: this.name,
        error,
      })
      connection.close(CloseCode.MessageInvalid, 'Malformed message')
    }
  }

  /**
   * Applies an update that no connection of this room sent (the server's own, a restore, another instance's), with
   * its named origin: every connection receives it like any other, and hooks are told where it came from.
   */
  applyUpdate(update: Uint8Array, origin: UpdateOrigin): void {
    if (this.lifecycle.state !== 'live') throw new Error(`Document "${this.name}" is not loaded`)
    this.pending.apply(this.doc, update, origin)
  }

  /** Resolves once every update applied so far is durable (after the load, if still loading). */
  async flush(): Promise<void> {
    // Dormant, nothing has been applied since the record was stored.
    if (!(await this.loaded)) return
    await this.persistence?.flush()
  }

  /**
   * Stores everything, merges the records and destroys the room, unless a connection is open (or opens meanwhile).
   * Resolves when done or abandoned; rejects if storing failed (the room stays open).
   */
  unload(): Promise<void> {
    return this.unloader.run()
  }

  private async load(): Promise<boolean> {
    try {
      await this.options.beforeLoad()
      const stored = await this.options.store.load(this.name)
      if (this.lifecycle.state !== 'loading') return false
      const record = recordServedAsIs(stored, this.connections, this.options)
      // Changes left by a writer who went while it loaded need the document: build it now.
      if (record !== null && !this.demand.isHolding) {
        await this.sleepUntilNeeded(record)
        if (this.lifecycle.state !== 'loading') return false
      }
      const built = await buildFromStore(this.doc, stored, this.writerSync, this.connections, {
        documentName: this.name,
        store: this.options.store,
        logger: this.options.logger,
        turns: this.options.backgroundTurns,
        chunkBytes: this.options.loadChunkBytes,
        isCancelled: () => this.lifecycle.state !== 'loading',
      })
      if (built === null) return false
      const { records } = built
      for (const record of records) this.documentBytes += record.update.byteLength
      this.pending.adopt(this.doc)
      if (this.lifecycle.state !== 'loading') return false
      this.writerSync.loaded(this.pending.isEmpty ? built.exactRecord : null)
      if (!this.pending.isEmpty) {
        this.options.logger.warn('Stored document holds updates with missing dependencies; keeping them aside', {
          documentName: this.name,
          pendingBytes: this.pending.byteLength,
        })
      }
      this.persistence = roomPersistence(
        this.options,
        { doc: this.doc, acks: this.acks, encodeState: () => this.encodeState() },
        records.map((record) => record.id),
      )
    } catch (error) {
      this.options.logger.error('Could not load document', { documentName: this.name, error })
      // Destroyed meanwhile (the server going down): nothing is left to fail.
      if (this.lifecycle.state === 'destroyed') return false
      this.lifecycle.to('failed')
      this.settleLoaded(false)
      this.closeConnections(CloseCode.DocumentLoadFailed, 'Document could not be loaded')
      this.destroy()
      return false
    }
    this.doc.on('update', this.handleDocumentUpdate)
    this.presence.start()
    this.lifecycle.to('live')
    this.options.logger.debug('Loaded document', { documentName: this.name })
    this.open()
    this.hooks.call('onDocumentLoad', (hooks) => hooks.onDocumentLoad?.(this.name, this.doc))
    // What was held came before the waiting connections' handshakes: their answers include it.
    this.demand.release((connection, data) => this.receive(connection, data))
    for (const connection of [...this.connections]) this.startConnection(connection)
    if (this.connections.size === 0) this.unloader.inBackground()
    return true
  }

  /**
   * Serves `record` to the writers as it is, relays their awareness, and waits until something needs the document
   * (see `BuildOnDemand`). With nobody left the room goes (there is nothing to store).
   */
  private async sleepUntilNeeded(record: RecordServed): Promise<void> {
    this.writerSync.storedStateRead(record.update, record.stateVector, this.connections)
    this.lifecycle.to('dormant')
    this.presence.start()
    this.open()
    for (const connection of [...this.connections]) this.startConnection(connection)
    if (this.connections.size === 0) this.destroy()
    await this.demand.sleep()
  }

  private open(): void {
    this.settleLoaded(true)
    this.hooks.opened()
  }

  private wake(): void {
    if (this.lifecycle.state !== 'dormant') return
    this.lifecycle.to('loading')
    this.options.logger.debug('Building a dormant document', { documentName: this.name })
    this.demand.wake()
  }

  /**
   * A started connection's message before the document is built: true if it can be handled now (dormant, and it
   * does not need the document); otherwise it is held until the build ends, and the build woken.
   */
  private canHandleBeforeBuild(connection: Connection, data: Uint8Array): boolean {
    if (this.lifecycle.state === 'dormant' && !needsDocument(data, this.writerSync.hasSentSyncStep1(connection), connection.readOnly)) {
      return true
    }
    if (this.lifecycle.state !== 'dormant' && this.lifecycle.state !== 'loading') return false
    if (this.demand.holdUntilBuilt(connection, data, this.options.limits)) this.wake()
    return false
  }

  private startConnection(connection: Connection): void {
    connection.start(() => {
      // One that received the stored state may have been sent a sync step 1 with it already.
      if (!this.writerSync.hasSentSyncStep1(connection)) connection.send(encodeSyncStep1Message(this.doc))
      if (connection.readOnly) connection.send(encodePermissionDeniedMessage('read-only'))
      this.acks.greet(connection, this.persistence, this.writerSync.storedRecordStateVector)
      const everyone = this.presence.everyoneMessage()
      if (everyone !== null) connection.send(everyone)
    })
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
    relayUpdate(this.connections, origin, update, this.readerRedaction)
    // Every transaction on the room's document is a connection's update or an origin from elsewhere.
    const changedBy = origin as ChangeOrigin
    // Another instance's update is stored there, once (a compaction here still merges it in).
    if (!isPeerOrigin(changedBy)) this.persistence?.add(update)
    this.hooks.call('onDocumentUpdate', (hooks) => hooks.onDocumentUpdate?.(this.name, update, changedBy))
    this.hooks.call('onDocumentChange', (hooks) => hooks.onDocumentChange?.(this.name, this.doc, changedBy))
  }

  private async storeAndDestroy(): Promise<void> {
    // A dormant room has nothing to store, and goes by itself when its last connection leaves.
    if (this.lifecycle.state === 'dormant' || !(await this.built)) return
    const persistence = this.persistence as DocumentPersistence
    for (;;) {
      await persistence.settle()
      if (this.connections.size > 0 || this.lifecycle.state !== 'live') return
      if (persistence.isIdle) break
    }
    this.destroy()
    this.options.logger.debug('Unloaded document', { documentName: this.name })
  }

  /** Drops the document from memory without storing anything. */
  destroy(): void {
    if (this.lifecycle.state === 'destroyed') return
    const wasReady = this.lifecycle.state === 'live'
    this.lifecycle.to('destroyed')
    // A dormant load ends (it returns false) and what waited for the build is dropped.
    this.demand.clear()
    this.settleLoaded(false)
    if (wasReady) this.hooks.call('onDocumentUnload', (hooks) => hooks.onDocumentUnload?.(this.name, this.doc))
    this.unloader.dispose()
    this.persistence?.dispose()
    this.doc.off('update', this.handleDocumentUpdate)
    this.presence.destroy()
    this.doc.destroy()
    this.hooks.closed()
    this.options.onDiscard(this)
  }
}
