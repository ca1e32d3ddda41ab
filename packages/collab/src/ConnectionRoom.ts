import type { Connection } from './Connection.js'

/** What a `Connection` needs of its document's room (the room itself, `DocumentRoom`, implements it). */
export interface ConnectionRoom {
  /** Handles one message of a started connection. */
  receive(connection: Connection, data: Uint8Array): void
  /** Forgets a closed connection; `unsent` holds the document changes it sent before it was served. */
  removeConnection(connection: Connection, unsent?: readonly Uint8Array[]): void
}
