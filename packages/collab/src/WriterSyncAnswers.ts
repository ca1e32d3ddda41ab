import * as Y from 'yjs'
import type { Connection } from './Connection.js'
import {
  encodeSyncStep1StateVectorMessage,
  encodeSyncStep2Message,
  encodeSyncStep2UpdateMessage,
} from './messages.js'
import { isEmptyStateVector, mergeStateVectors, StateSnapshot } from './StateSnapshot.js'

/** A sync step 2 carrying an empty update (no structs, no deletions). */
const emptySyncStep2 = encodeSyncStep2UpdateMessage(new Uint8Array([0, 0]))

/**
 * How a room answers its writers' sync step 1 without encoding a large document more often than it must:
 * the stored state sent before the document is built, and a `StateSnapshot` for clients that hold nothing.
 * (Read-only connections are answered by the room itself: what they receive is redacted first.)
 */
export class WriterSyncAnswers {
  private readonly snapshot = new StateSnapshot()
  /** Connections sent the stored record (after a sync step 1 with its state vector) before the document was built. */
  private readonly sentStoredState = new WeakSet<Connection>()
  /**
   * While loading from a single record: the record and, once its state vector is known (stored with it, or read
   * from it), the two messages every writer is sent: sync step 1 with that state vector, then the record as sync
   * step 2.
   */
  private stored: { readonly state: Uint8Array; messages: readonly [Uint8Array, Uint8Array] | null } | null = null
  /** Writers waiting for those messages (the record's state vector is being read). */
  private readonly awaitingStoredState = new Set<Connection>()
  /** The record those connections were sent (until a compaction replaces the snapshot it started as). */
  private sentRecord: Uint8Array | null = null
  /** The stored record's state vector as it was sent (encoded), while loading from a single record. */
  private storedRecordVector: Uint8Array | null = null
  /** The state vector of what was loaded, i.e. of the stored record those connections received. */
  private storedStateVector: ReadonlyMap<number, number> = new Map()

  constructor(private readonly doc: Y.Doc) {}

  /**
   * The document's only stored record was read: it goes, as it is, to the writers waiting for the load and to
   * those who connect while the document is built from it — for a large report the client holds the whole state
   * while the server still builds it. The record is the server's own (an update it validated, or a state it
   * encoded), so it is what the document will hold. It goes after a sync step 1 with the record's state vector,
   * so that the client has sent what it holds beyond the record (offline edits) by the time it takes the record's
   * sync step 2 as "synced". With `stateVector` (stored with the record) both go at once; without, once
   * `storedStateVectorRead` gives it. The messages are encoded once, whatever the number of connections.
   */
  storedStateRead(state: Uint8Array, stateVector: Uint8Array | null, connections: Iterable<Connection>): void {
    // A dormant room (see `BuildOnDemand`) read it already; its build reads it again.
    if (this.stored?.state !== state) {
      this.stored = { state, messages: null }
      this.sentRecord = state
      // Until the build says otherwise, the record is exactly what the document holds.
      this.snapshot.reset(state)
      if (stateVector !== null) this.storedStateVectorRead(stateVector)
    }
    for (const connection of connections) this.connectionAdded(connection)
  }

  /** The stored record's state vector is known: the writers waiting get the record now, and those to come at once. */
  storedStateVectorRead(stateVector: Uint8Array | Map<number, number>): void {
    if (this.stored === null || this.stored.messages !== null) return
    const encoded = stateVector instanceof Map ? Y.encodeStateVector(stateVector) : stateVector
    this.storedRecordVector = encoded
    this.stored.messages = [encodeSyncStep1StateVectorMessage(encoded), encodeSyncStep2UpdateMessage(this.stored.state)]
    for (const connection of this.awaitingStoredState) this.sendStoredState(connection)
    this.awaitingStoredState.clear()
  }

  /** While loading from a single record: its state vector, once known (what a dormant room holds and has stored). */
  get storedRecordStateVector(): Uint8Array | null {
    return this.storedRecordVector
  }

  /** A connection was added while the document loads: a writer gets the stored record if it has been read. */
  connectionAdded(connection: Connection): void {
    if (this.stored === null || connection.readOnly || this.sentStoredState.has(connection)) return
    if (this.stored.messages === null) this.awaitingStoredState.add(connection)
    else this.sendStoredState(connection)
  }

  /** True if `connection` was sent a sync step 1 (and the stored record) before the load ended. */
  hasSentSyncStep1(connection: Connection): boolean {
    return this.sentStoredState.has(connection)
  }

  private sendStoredState(connection: Connection): void {
    const messages = this.stored?.messages
    if (messages === null || messages === undefined || !connection.isOpen) return
    for (const message of messages) connection.send(message)
    this.sentStoredState.add(connection)
  }

  /** The document was built from the store; `exactState` is an encoding of exactly what it holds, if one is at hand. */
  loaded(exactState: Uint8Array | null): void {
    this.stored = null
    this.storedRecordVector = null
    this.awaitingStoredState.clear()
    this.storedStateVector = Y.decodeStateVector(Y.encodeStateVector(this.doc))
    if (exactState === null) this.snapshot.clear()
    else if (exactState !== this.sentRecord) this.snapshot.reset(exactState)
  }

  /** An update was applied to the document. */
  updateApplied(update: Uint8Array): void {
    this.snapshot.append(update)
  }

  /** The document was encoded whole (for a compaction); `exact` unless the encoding holds pending structs too. */
  stateEncoded(state: Uint8Array, exact: boolean): void {
    if (exact) this.snapshot.reset(state)
    else this.snapshot.clear()
    this.sentRecord = null
  }

  /** Answers a writer's sync step 1: from the snapshot when it holds nothing, else with a diff of the document. */
  answer(connection: Connection, stateVector: Uint8Array): void {
    if (this.sentStoredState.delete(connection)) {
      // While the document is the record plus the updates since, those updates are all the client lacks.
      const since = this.sentRecord === null ? null : this.snapshot.messagesSince(this.sentRecord)
      if (since === null) {
        connection.send(encodeSyncStep2Message(this.doc, mergeStateVectors(stateVector, this.storedStateVector)))
        return
      }
      for (const message of since) connection.send(message)
      connection.send(emptySyncStep2)
      return
    }
    if (!isEmptyStateVector(stateVector)) {
      connection.send(encodeSyncStep2Message(this.doc, stateVector))
      return
    }
    let messages = this.snapshot.messages()
    if (messages === null) {
      // The whole document, encoded once for this client and kept for the next ones that hold nothing.
      this.snapshot.reset(Y.encodeStateAsUpdate(this.doc))
      messages = this.snapshot.messages() as Uint8Array[]
    }
    for (const message of messages) connection.send(message)
  }
}
