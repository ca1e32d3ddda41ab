import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import type * as Y from 'yjs'
import { encodeUpdateMessage } from './messages.js'
import { messageSync } from './protocol.js'

/**
 * Rewrites a Yjs (v1) update before it is sent to a read-only connection; see
 * `CollabServerOptions.redactForReadOnly`. `doc` is the room's document with the update already applied.
 */
export type RedactForReadOnly = (update: Uint8Array, doc: Y.Doc) => Uint8Array

/** Sync step 2 carrying `update` as it is (e.g. a redacted diff from `Y.encodeStateAsUpdate`). */
export function encodeSyncStep2UpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, messageSync)
  encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/**
 * The update message read-only connections receive for `update`: `message` itself (the writers' bytes) when
 * `redact` returned the update unchanged (the same array), else a message around the redacted update.
 */
export function encodeRedactedUpdateMessage(
  update: Uint8Array,
  message: Uint8Array,
  doc: Y.Doc,
  redact: RedactForReadOnly,
): Uint8Array {
  const redacted = redact(update, doc)
  return redacted === update ? message : encodeUpdateMessage(redacted)
}
