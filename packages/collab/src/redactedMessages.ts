import type * as Y from 'yjs'
import { encodeUpdateMessage } from './messages.js'

/**
 * Rewrites a Yjs (v1) update before it is sent to a read-only connection; see
 * `CollabServerOptions.redactForReadOnly`. `doc` is the room's document with the update already applied.
 */
export type RedactForReadOnly = (update: Uint8Array, doc: Y.Doc) => Uint8Array

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
