import type * as Y from 'yjs'
import type { CollabLimits } from './CollabLimits.js'
import type { Connection } from './Connection.js'
import type { Logger } from './Logger.js'
import { CloseCode } from './protocol.js'
import { validateUpdate } from './validateUpdate.js'

/** What `applyClientUpdate` checks an update against. */
export interface ClientUpdateContext {
  readonly documentName: string
  /** The document's size as the room keeps it (see `DocumentRoom`). */
  readonly documentBytes: number
  readonly limits: CollabLimits
  readonly logger: Logger
}

/**
 * Applies an update a writer sent (sync step 2 or update) to the room's document: refused (its connection closed)
 * when it would take the document past `maxDocumentBytes`; validated first (throws `InvalidUpdateError`, which
 * closes the connection as malformed); what it builds on that the document lacks waits in the connection's
 * pending updates, which may not grow past `maxMessageBytes`.
 */
export function applyClientUpdate(doc: Y.Doc, connection: Connection, update: Uint8Array, context: ClientUpdateContext): void {
  const growth = update.byteLength + connection.pending.byteLength
  if (context.documentBytes + growth > context.limits.maxDocumentBytes) {
    connection.closeForLimit('maxDocumentBytes', CloseCode.DocumentTooLarge, 'Document too large', {
      documentBytes: context.documentBytes,
      updateBytes: update.byteLength,
    })
    return
  }
  validateUpdate(update, doc, connection.pending.structsUpdate)
  try {
    connection.pending.apply(doc, update, connection)
  } catch (error) {
    // Validation should make this impossible; whatever was integrated before the error has been relayed and
    // stored like any update, so clients and store still agree with the document.
    context.logger.error('A validated update failed while being integrated; closing its connection', {
      documentName: context.documentName,
      error,
    })
    connection.close(CloseCode.MessageInvalid, 'Update could not be applied')
    return
  }
  // Honest clients complete what they left waiting with their next messages; it never amounts to much.
  if (connection.pending.byteLength > context.limits.maxMessageBytes) {
    connection.closeForLimit('maxMessageBytes', CloseCode.MessageTooLarge, 'Too much waiting for missing structs', {
      pendingBytes: connection.pending.byteLength,
    })
  }
}
