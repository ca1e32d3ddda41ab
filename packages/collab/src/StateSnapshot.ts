import * as Y from 'yjs'
import { encodeSyncStep2UpdateMessage, encodeUpdateMessage } from './messages.js'

/** Past these, the updates since the snapshot are not worth keeping: the snapshot is dropped until the next one. */
const MAX_TAIL_UPDATES = 500
const MAX_TAIL_BYTES = 256 * 1024

/**
 * A document's whole state, already encoded (the single stored record it loaded from, or the state its last
 * compaction encoded), and the updates applied since. With it the room answers a client that holds nothing (an
 * empty state vector) without encoding the document, which for a large report blocks the event loop for tens
 * of milliseconds. Dropped when the updates since grow past their bounds, until the next compaction sets it again.
 */
export class StateSnapshot {
  private state: Uint8Array | null = null
  private readonly tail: Uint8Array[] = []
  private tailBytes = 0
  /** The messages answering a client that holds nothing, encoded once for all of them (until the next change). */
  private stateMessage: Uint8Array | null = null
  private tailMessage: Uint8Array | null = null

  /** `state` must hold exactly what the document holds now (no more, no less). */
  reset(state: Uint8Array): void {
    this.clear()
    this.state = state
  }

  clear(): void {
    this.state = null
    this.tail.length = 0
    this.tailBytes = 0
    this.stateMessage = null
    this.tailMessage = null
  }

  /** Records an update applied to the document after the snapshot. */
  append(update: Uint8Array): void {
    if (this.state === null) return
    this.tail.push(update)
    this.tailBytes += update.byteLength
    this.tailMessage = null
    if (this.tail.length > MAX_TAIL_UPDATES || this.tailBytes > MAX_TAIL_BYTES) this.clear()
  }

  /**
   * What a client that already holds `state` lacks: the updates since, merged, as one update message (none if
   * there are none); null unless the snapshot is `state`.
   */
  messagesSince(state: Uint8Array): Uint8Array[] | null {
    if (this.state !== state) return null
    if (this.tail.length === 0) return []
    this.tailMessage ??= encodeUpdateMessage(Y.mergeUpdates(this.tail))
    return [this.tailMessage]
  }

  /**
   * What a client that holds nothing is sent: the updates since, merged, as an update message (Yjs holds them
   * until what they build on arrives), then the state as sync step 2 — so that when the client takes sync step 2
   * as "synced" it holds everything. Null when there is no snapshot.
   */
  messages(): Uint8Array[] | null {
    if (this.state === null) return null
    this.stateMessage ??= encodeSyncStep2UpdateMessage(this.state)
    if (this.tail.length === 0) return [this.stateMessage]
    this.tailMessage ??= encodeUpdateMessage(Y.mergeUpdates(this.tail))
    return [this.tailMessage, this.stateMessage]
  }
}

/** True for the state vector of a client that holds nothing (Yjs encodes it as the single byte 0). */
export function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.byteLength === 1 && stateVector[0] === 0
}

/** The state vector holding, for every client, the larger clock of `a` and `b`. */
export function mergeStateVectors(a: Uint8Array, b: ReadonlyMap<number, number>): Uint8Array {
  const merged = Y.decodeStateVector(a)
  for (const [client, clock] of b) merged.set(client, Math.max(clock, merged.get(client) ?? 0))
  return Y.encodeStateVector(merged)
}
