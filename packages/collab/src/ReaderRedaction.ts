import * as Y from 'yjs'
import type { Connection } from './Connection.js'
import type { Logger } from './Logger.js'
import { encodeSyncStep2UpdateMessage } from './messages.js'
import { encodeRedactedUpdateMessage, type RedactForReadOnly } from './redactedMessages.js'

/** Close code for read-only connections whose next message could not be redacted (they reconnect and resync). */
const redactionFailedCloseCode = 1011

/**
 * What a room's read-only connections receive when the server redacts for them (`redactForReadOnly`): the
 * redacted answer to their sync step 1, and each relayed update redacted once for all of them. A redaction that
 * throws closes the readers concerned (1011) and never sends them the original.
 */
export class ReaderRedaction {
  constructor(
    private readonly doc: Y.Doc,
    private readonly redact: RedactForReadOnly,
    private readonly logger: Logger,
    private readonly documentName: string,
  ) {}

  /** Answers a read-only connection's sync step 1 with the redacted diff (a bad state vector throws: 4400). */
  answer(connection: Connection, stateVector: Uint8Array): void {
    const diff = Y.encodeStateAsUpdate(this.doc, stateVector)
    let redacted: Uint8Array
    try {
      redacted = this.redact(diff, this.doc)
    } catch (error) {
      this.logger.error('Could not redact sync step 2 for a read-only connection; closing it', {
        documentName: this.documentName,
        error,
      })
      connection.close(redactionFailedCloseCode, 'Document could not be redacted')
      return
    }
    connection.send(encodeSyncStep2UpdateMessage(redacted))
  }

  /** The message readers receive for `update` (`message` is the writers'), or `null` if redacting it failed. */
  updateMessage(update: Uint8Array, message: Uint8Array): Uint8Array | null {
    try {
      return encodeRedactedUpdateMessage(update, message, this.doc, this.redact)
    } catch (error) {
      this.logger.error('Could not redact an update for read-only connections; closing them', {
        documentName: this.documentName,
        error,
      })
      return null
    }
  }

  /** Closes a reader its update could not be redacted for. */
  static closeUnredactable(connection: Connection): void {
    connection.close(redactionFailedCloseCode, 'Update could not be redacted')
  }
}
