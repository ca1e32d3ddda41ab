import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as authProtocol from 'y-protocols/auth'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import type * as Y from 'yjs'
import { DurabilityKind, messageAuth, messageAwareness, messageDurability, messageSync } from './protocol.js'

/** One message: its outer type, then whatever `write` puts after it. */
function encodeMessage(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, type)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** Sync step 1: the server's state vector, asking the client for what the server lacks. */
export function encodeSyncStep1Message(doc: Y.Doc): Uint8Array {
  return encodeMessage(messageSync, (encoder) => {
    syncProtocol.writeSyncStep1(encoder, doc)
  })
}

/** Sync step 1 with a state vector already encoded (e.g. read from a stored update without building the document). */
export function encodeSyncStep1StateVectorMessage(stateVector: Uint8Array): Uint8Array {
  return encodeMessage(messageSync, (encoder) => {
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep1)
    encoding.writeVarUint8Array(encoder, stateVector)
  })
}

/** Sync step 2: everything in `doc` that a peer with `stateVector` lacks. */
export function encodeSyncStep2Message(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  return encodeMessage(messageSync, (encoder) => {
    syncProtocol.writeSyncStep2(encoder, doc, stateVector)
  })
}

/** Sync step 2 carrying `update` as it is (e.g. a redacted diff from `Y.encodeStateAsUpdate`). */
export function encodeSyncStep2UpdateMessage(update: Uint8Array): Uint8Array {
  return encodeMessage(messageSync, (encoder) => {
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
    encoding.writeVarUint8Array(encoder, update)
  })
}

/** A document update, relayed as the same bytes to every other connection. */
export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  return encodeMessage(messageSync, (encoder) => {
    syncProtocol.writeUpdate(encoder, update)
  })
}

/** The awareness states of `clientIds` (a removed client is encoded as a null state). */
export function encodeAwarenessMessage(awareness: awarenessProtocol.Awareness, clientIds: number[]): Uint8Array {
  return encodeMessage(messageAwareness, (encoder) => {
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clientIds))
  })
}

/**
 * A y-protocols auth message `permission-denied` with `reason` (`messageAuth`, then `messagePermissionDenied`,
 * then the reason string). The stock client logs it and stays connected.
 */
export function encodePermissionDeniedMessage(reason: string): Uint8Array {
  return encodeMessage(messageAuth, (encoder) => {
    authProtocol.writePermissionDenied(encoder, reason)
  })
}

/** SAVED: every update covered by `stateVector` (`Y.encodeStateVector` form) is durable. */
export function encodeSavedMessage(stateVector: Uint8Array): Uint8Array {
  return encodeMessage(messageDurability, (encoder) => {
    encoding.writeVarUint(encoder, DurabilityKind.Saved)
    encoding.writeVarUint8Array(encoder, stateVector)
  })
}

/** STORAGE_FAILING: the server cannot store updates right now; `reason` says why, for people. */
export function encodeStorageFailingMessage(reason: string): Uint8Array {
  return encodeMessage(messageDurability, (encoder) => {
    encoding.writeVarUint(encoder, DurabilityKind.StorageFailing)
    encoding.writeVarString(encoder, reason)
  })
}

/** SAVE_REQUEST (client → server): asks for SAVED_THROUGH `seq` once everything sent before it is durable. */
export function encodeSaveRequestMessage(seq: number): Uint8Array {
  return encodeSeqMessage(DurabilityKind.SaveRequest, seq)
}

/** SAVED_THROUGH (server → client): everything the connection sent before its SAVE_REQUEST `seq` is durable. */
export function encodeSavedThroughMessage(seq: number): Uint8Array {
  return encodeSeqMessage(DurabilityKind.SavedThrough, seq)
}

function encodeSeqMessage(kind: DurabilityKind, seq: number): Uint8Array {
  return encodeMessage(messageDurability, (encoder) => {
    encoding.writeVarUint(encoder, kind)
    encoding.writeVarUint(encoder, seq)
  })
}

/** A decoded `messageDurability` message. `stateVector` is in `Y.encodeStateVector` form (`Y.decodeStateVector` reads it). */
export type DurabilityMessage =
  | { kind: 'saved'; stateVector: Uint8Array }
  | { kind: 'failing'; reason: string }
  | { kind: 'save-request'; seq: number }
  | { kind: 'saved-through'; seq: number }

/**
 * Reads the payload of a `messageDurability` message from `decoder`, positioned just after the outer type (as a
 * y-websocket `messageHandlers[100]` receives it). Throws on an unknown kind.
 */
export function readDurabilityMessage(decoder: decoding.Decoder): DurabilityMessage {
  const kind = decoding.readVarUint(decoder)
  if (kind === DurabilityKind.Saved) return { kind: 'saved', stateVector: decoding.readVarUint8Array(decoder) }
  if (kind === DurabilityKind.StorageFailing) return { kind: 'failing', reason: decoding.readVarString(decoder) }
  if (kind === DurabilityKind.SaveRequest) return { kind: 'save-request', seq: decoding.readVarUint(decoder) }
  if (kind === DurabilityKind.SavedThrough) return { kind: 'saved-through', seq: decoding.readVarUint(decoder) }
  throw new Error(`Unknown durability message kind ${kind}`)
}
