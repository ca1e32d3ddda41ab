import * as Y from 'yjs'
import type { Connection } from './Connection.js'
import {
  encodeSyncStep1StateVectorMessage,
  encodeSyncStep2Message,
  encodeSyncStep2UpdateMessage,
  encodeUpdateMessage,
} from './messages.js'
import { isEmptyStateVector, mergeStateVectors, StateSnapshot } from './StateSnapshot.js'

/**
 * How a room answers its writers' sync step 1 without encoding a large document more often than it must:
 * the stored state sent before the document is built, and a `StateSnapshot` for clients that hold nothing.
 * (Read-only connections are answered by the room itself: what they receive is redacted first.)
 */
export class WriterSyncAnswers {
  private readonly snapshot = new StateSnapshot()
  /** Connections sent the stored record before the document was built from it. */
  private readonly sentStoredState = new WeakSet<Connection>()
  /** The state vector of what was loaded, i.e. of the stored record those connections received. */
  private storedStateVector: ReadonlyMap<number, number> = new Map()

  constructor(private readonly doc: Y.Doc) {}

  /**
   * Sends the document's only stored record, as it is, to the writers waiting for the load, before the document
   * is built from it: for a large report the client holds the whole state while the server still decodes it.
   * The record is the server's own (an update it validated, or a state it encoded), so it is what the document
   * will hold. It goes after a sync step 1 with the record's state vector (read from the record, a fraction of
   * the cost of building the document), so the client sends what it holds beyond the record (offline edits)
   * before it takes the record's sync step 2 as "synced". True if it was sent to anyone.
   */
  sendStoredState(connections: Iterable<Connection>, state: Uint8Array): boolean {
    let messages: [Uint8Array, Uint8Array] | null = null
    for (const connection of connections) {
      if (connection.readOnly || !connection.isOpen) continue
      messages ??= [
        encodeSyncStep1StateVectorMessage(Y.encodeStateVectorFromUpdate(state)),
        encodeSyncStep2UpdateMessage(state),
      ]
      for (const message of messages) connection.send(message)
      this.sentStoredState.add(connection)
    }
    return messages !== null
  }

  /** True if `connection` was sent the stored state (and a sync step 1) before the document was built. */
  hasSentStoredState(connection: Connection): boolean {
    return this.sentStoredState.has(connection)
  }

  /** The document was built from the store; `exactState` is an encoding of exactly what it holds, if one is at hand. */
  loaded(exactState: Uint8Array | null): void {
    this.storedStateVector = Y.decodeStateVector(Y.encodeStateVector(this.doc))
    if (exactState !== null) this.snapshot.reset(exactState)
  }

  /** An update was applied to the document. */
  updateApplied(update: Uint8Array): void {
    this.snapshot.append(update)
  }

  /** The document was encoded whole (for a compaction); `exact` unless the encoding holds pending structs too. */
  stateEncoded(state: Uint8Array, exact: boolean): void {
    if (exact) this.snapshot.reset(state)
    else this.snapshot.clear()
  }

  /** Answers a writer's sync step 1: from the snapshot when it holds nothing, else with a diff of the document. */
  answer(connection: Connection, stateVector: Uint8Array): void {
    if (this.sentStoredState.delete(connection)) {
      connection.send(encodeSyncStep2Message(this.doc, mergeStateVectors(stateVector, this.storedStateVector)))
      return
    }
    if (!isEmptyStateVector(stateVector)) {
      connection.send(encodeSyncStep2Message(this.doc, stateVector))
      return
    }
    let snapshot = this.snapshot.current
    if (snapshot === null) {
      // The whole document, encoded once for this client and kept for the next ones that hold nothing.
      const state = Y.encodeStateAsUpdate(this.doc)
      this.snapshot.reset(state)
      snapshot = { state, since: [] }
    }
    // The updates since go first (Yjs holds them until what they build on arrives), so that when the client
    // takes sync step 2 as "synced" it holds everything.
    if (snapshot.since.length > 0) connection.send(encodeUpdateMessage(Y.mergeUpdates([...snapshot.since])))
    connection.send(encodeSyncStep2UpdateMessage(snapshot.state))
  }
}
