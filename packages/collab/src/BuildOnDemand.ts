import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { CollabLimits } from './CollabLimits.js'
import type { Connection } from './Connection.js'
import type { StoredUpdate } from './DocumentStore.js'
import { CloseCode, messageSync } from './protocol.js'

/** What one connection sent that waits for the document to be built. */
interface Held {
  readonly messages: Uint8Array[]
  bytes: number
}

/**
 * A room whose document is stored as one record the store vouches for (with its state vector) does not build its
 * Y.Doc until something needs it. Writers are sent the record as soon as it is read, so a report people only open
 * and read — a chair glancing at it, a rapporteur who has not typed yet, a thousand reconnections after the Wi-Fi
 * came back — is served without decoding a byte of it. Meanwhile the room relays awareness and answers what it
 * can from the record; the first message that needs the document (an update with something in it, a second sync
 * step 1, …) or a read-only connection wakes the build, and that message, with everything its connection sends
 * after it, waits here until the document is built, then is handled in order — the changes of a connection that
 * closed meanwhile included.
 */
export class BuildOnDemand {
  private wakeUp: (() => void) | null = null
  private readonly held = new Map<Connection, Held>()

  /** Resolves once `wake` is called. */
  sleep(): Promise<void> {
    return new Promise((resolve) => {
      this.wakeUp = resolve
    })
  }

  wake(): void {
    const wakeUp = this.wakeUp
    this.wakeUp = null
    wakeUp?.()
  }

  /** Keeps a message of `connection` until the build ends; false (nothing kept) once it holds more than `maxBytes`. */
  private hold(connection: Connection, data: Uint8Array, maxBytes: number): boolean {
    let held = this.held.get(connection)
    if (held === undefined) {
      held = { messages: [], bytes: 0 }
      this.held.set(connection, held)
    }
    if (held.bytes + data.byteLength > maxBytes) return false
    held.messages.push(data)
    held.bytes += data.byteLength
    return true
  }

  /**
   * Holds a started connection's message until the build ends; false if it was closed instead (4414): past
   * `maxDocumentBytes` + 2 × `maxMessageBytes` held, applying it all would take the document past its limit anyway.
   */
  holdUntilBuilt(connection: Connection, data: Uint8Array, limits: CollabLimits): boolean {
    if (this.hold(connection, data, limits.maxDocumentBytes + 2 * limits.maxMessageBytes)) return true
    connection.closeForLimit('maxDocumentBytes', CloseCode.DocumentTooLarge, 'Document too large')
    return false
  }

  /**
   * Holds the document changes a connection sent before its room served it, once it has closed: they are
   * applied with the other held messages when the document is built (`release`). Past the hold limit the rest
   * is dropped, as a connection still open would have been closed for it.
   */
  keepLeftBehind(connection: Connection, messages: readonly Uint8Array[], limits: CollabLimits): void {
    for (const data of messages) {
      if (!isDocumentChange(data)) continue
      if (!this.hold(connection, data, limits.maxDocumentBytes + 2 * limits.maxMessageBytes)) return
    }
  }

  /** True while messages wait for the build. */
  get isHolding(): boolean {
    return this.held.size > 0
  }

  /**
   * Hands every held message to `receive`, connection by connection, each in the order it came. Of a connection
   * that has closed meanwhile only the document changes go (what it wrote before leaving is not lost).
   */
  release(receive: (connection: Connection, data: Uint8Array) => void): void {
    const held = [...this.held]
    this.held.clear()
    for (const [connection, { messages }] of held) {
      for (const data of messages) {
        if (connection.isStarted || isDocumentChange(data)) receive(connection, data)
      }
    }
  }

  clear(): void {
    this.held.clear()
    this.wake()
  }
}

/** A stored record and its state vector. */
export interface RecordServed {
  readonly update: Uint8Array
  readonly stateVector: Uint8Array
}

/**
 * The record a room may serve as it is, building its document only on demand: the document's only record,
 * vouched for by the store, with the state vector stored with it — or, for a record of at most `loadChunkBytes`
 * stored without one (a report written once, as a new roundtable's), read from it (cheap at that size). Null
 * otherwise, with `buildOnDemand` off, or if a reader is among `connections`.
 */
export function recordServedAsIs(
  stored: readonly StoredUpdate[],
  connections: Iterable<Connection>,
  { buildOnDemand, loadChunkBytes }: { buildOnDemand: boolean; loadChunkBytes: number },
): RecordServed | null {
  if (!buildOnDemand) return null
  const only = stored.length === 1 ? (stored[0] as StoredUpdate) : null
  if (only?.verified !== true) return null
  for (const connection of connections) if (connection.readOnly) return null
  if (only.stateVector !== undefined) return { update: only.update, stateVector: only.stateVector }
  if (only.update.byteLength > loadChunkBytes) return null
  return { update: only.update, stateVector: Y.encodeStateVectorFromUpdate(only.update) }
}

/**
 * True if a started connection's message cannot be handled before the document is built. Awareness, queries,
 * durability requests and authentication never need it; nor does a writer's first sync step 1 (it was sent the
 * record, which is the whole document: the answer is an empty sync step 2), nor an empty update (a client that
 * holds nothing answering the server's sync step 1), nor a read-only connection's write (dropped anyway).
 * A malformed message does not either: the room's usual handling closes its connection.
 */
export function needsDocument(data: Uint8Array, wasSentRecord: boolean, readOnly: boolean): boolean {
  const sync = readSyncHeader(data)
  if (sync === null) return false
  if (sync.type === syncProtocol.messageYjsSyncStep1) return !wasSentRecord
  if (!isChange(sync.type) || readOnly) return false
  try {
    return !isEmptyUpdate(decoding.readVarUint8Array(sync.decoder))
  } catch {
    return false
  }
}

/** A sync step 2 or update message (anything else is ignored of a connection that left). */
function isDocumentChange(data: Uint8Array): boolean {
  const sync = readSyncHeader(data)
  return sync !== null && isChange(sync.type)
}

function isChange(syncType: number): boolean {
  return syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate
}

/** A sync message's type, and the decoder positioned after it; null for any other (or a malformed) message. */
function readSyncHeader(data: Uint8Array): { type: number; decoder: decoding.Decoder } | null {
  try {
    const decoder = decoding.createDecoder(data)
    if (decoding.readVarUint(decoder) !== messageSync) return null
    return { type: decoding.readVarUint(decoder), decoder }
  } catch {
    return null
  }
}

/** A Yjs update with no structs and no deletions. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0
}
