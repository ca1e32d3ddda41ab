import type * as Y from 'yjs'
import type { ClientIdBindings } from './ClientIdBindings.js'
import type { CollabLimits } from './CollabLimits.js'
import type { Connection } from './Connection.js'
import type { Logger } from './Logger.js'
import { CloseCode } from './protocol.js'
import type { RefuseUpdate } from './RefuseUpdate.js'
import { validateUpdate } from './validateUpdate.js'

/** Close code of a connection whose `refuseUpdate` threw (RFC 6455: internal error). */
const internalErrorCloseCode = 1011

/** What `applyClientUpdate` checks an update against. */
export interface ClientUpdateContext {
  readonly documentName: string
  /** The document's size as the room keeps it (see `DocumentRoom`). */
  readonly documentBytes: number
  readonly limits: CollabLimits
  readonly logger: Logger
  /** The room's client id owners; see `ClientIdBindings`. */
  readonly bindings: ClientIdBindings
  /** True for an update message (a client's live edit), false for a sync step 2. */
  readonly isLiveEdit: boolean
  /** See `CollabServerOptions.refuseUpdate`. */
  readonly refuseUpdate: RefuseUpdate | undefined
}

/**
 * Applies an update a writer sent (sync step 2 or update) to the room's document: refused (its connection closed)
 * when it would take the document past `maxDocumentBytes`; validated first (throws `InvalidUpdateError`, which
 * closes the connection as malformed); refused (4409) when it creates structs under a client id another live
 * connection owns, or when `refuseUpdate` says so; what it builds on that the document lacks waits in the
 * connection's pending updates, which may not grow past `maxMessageBytes`.
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
  const ends = validateUpdate(update, doc, connection.pending.structsUpdate)
  const takenClientId = context.bindings.takenClientId(connection, ends)
  if (takenClientId !== null) {
    context.logger.warn('Refusing an update creating structs under a client id another connection owns', {
      documentName: context.documentName,
      clientId: takenClientId,
      closeCode: CloseCode.ClientIdTaken,
    })
    connection.close(CloseCode.ClientIdTaken, 'Client id taken by another connection')
    return
  }
  if (context.refuseUpdate !== undefined && isRefused(doc, connection, update, context)) return
  const claimed = context.bindings.claimedClientId(ends, context.isLiveEdit)
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
  context.bindings.applied(connection, ends, claimed)
  // Honest clients complete what they left waiting with their next messages; it never amounts to much.
  if (connection.pending.byteLength > context.limits.maxMessageBytes) {
    connection.closeForLimit('maxMessageBytes', CloseCode.MessageTooLarge, 'Too much waiting for missing structs', {
      pendingBytes: connection.pending.byteLength,
    })
  }
}

/** Asks `refuseUpdate`; a refusal (or an error) closes the connection. True if the update must not be applied. */
function isRefused(doc: Y.Doc, connection: Connection, update: Uint8Array, context: ClientUpdateContext): boolean {
  let refusal: ReturnType<RefuseUpdate>
  try {
    refusal = (context.refuseUpdate as RefuseUpdate)(update, doc, context.documentName, connection.context)
  } catch (error) {
    context.logger.error('refuseUpdate threw; closing the connection without applying its update', {
      documentName: context.documentName,
      error,
    })
    connection.close(internalErrorCloseCode, 'Internal error')
    return true
  }
  if (refusal === null) return false
  context.logger.info('Refusing an update (refuseUpdate)', {
    documentName: context.documentName,
    closeCode: refusal.code,
    reason: refusal.reason,
  })
  connection.close(refusal.code, refusal.reason)
  return true
}
