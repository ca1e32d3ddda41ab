import type { Connection } from './Connection.js'
import { encodeUpdateMessage } from './messages.js'
import { ReaderRedaction } from './ReaderRedaction.js'

/**
 * Sends an update applied to the document to every started connection but the one it came from (`origin`): the
 * same framed message to every writer, and to read-only connections what `readerRedaction` makes of it (computed
 * once, only if one is to receive it; a connection it cannot be redacted for is closed).
 */
export function relayUpdate(
  connections: Iterable<Connection>,
  origin: unknown,
  update: Uint8Array,
  readerRedaction: ReaderRedaction | null,
): void {
  const message = encodeUpdateMessage(update)
  let readOnlyMessage: Uint8Array | null | undefined
  for (const connection of connections) {
    if (connection === origin || !connection.isStarted) continue
    if (!connection.readOnly || readerRedaction === null) {
      connection.send(message)
      continue
    }
    if (readOnlyMessage === undefined) readOnlyMessage = readerRedaction.updateMessage(update, message)
    if (readOnlyMessage !== null) connection.send(readOnlyMessage)
    else ReaderRedaction.closeUnredactable(connection)
  }
}
