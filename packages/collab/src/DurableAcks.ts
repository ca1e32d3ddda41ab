import * as decoding from 'lib0/decoding'
import type { Connection } from './Connection.js'
import type { DocumentPersistence } from './DocumentPersistence.js'
import type { Logger } from './Logger.js'
import { encodeSavedMessage, encodeSavedThroughMessage, encodeStorageFailingMessage } from './messages.js'
import { DurabilityKind } from './protocol.js'

/** What durable clients are told while storage fails; the real error goes to the server log only. */
const storageFailingReason = 'The server cannot store changes right now'

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false
  for (let index = 0; index < a.byteLength; index++) if (a[index] !== b[index]) return false
  return true
}

/**
 * One room's durable acknowledgements (message 100, docs/PROTOCOL.md): what the connections that asked with
 * `durable=1` are told about storage — SAVED state vectors, STORAGE_FAILING, and SAVED_THROUGH answers.
 */
export class DurableAcks {
  private savedVectorSent: Uint8Array | null = null

  constructor(
    private readonly documentName: string,
    private readonly connections: ReadonlySet<Connection>,
    private readonly logger: Logger,
  ) {}

  /**
   * What a durable connection is told when it starts: what is durable now, and whether storage fails. A dormant
   * room (no persistence yet) has stored exactly its record: `storedStateVector`.
   */
  greet(connection: Connection, persistence: DocumentPersistence | null, storedStateVector: Uint8Array | null): void {
    if (!connection.durableAcks) return
    const durable = persistence?.durableStateVector ?? storedStateVector
    if (durable === null) return
    connection.send(encodeSavedMessage(durable))
    if (persistence?.isFailing === true) connection.send(encodeStorageFailingMessage(storageFailingReason))
  }

  /** Tells the durable connections what is durable now; sent only when it changed (or after a failure). */
  saved(stateVector: Uint8Array): void {
    const previous = this.savedVectorSent
    if (previous !== null && sameBytes(previous, stateVector)) return
    this.savedVectorSent = stateVector
    this.broadcast(encodeSavedMessage(stateVector))
  }

  failing(reason: string): void {
    this.savedVectorSent = null
    this.logger.warn('Telling durable clients that storage is failing', { documentName: this.documentName, reason })
    this.broadcast(encodeStorageFailingMessage(storageFailingReason))
  }

  /**
   * A client's durability message: only SAVE_REQUEST may come from a client (any other kind is malformed). It is
   * answered with SAVED_THROUGH once everything this connection sent before it is durable — its messages are
   * handled in order, so the updates it sent are already handed to the persistence — waiting through failed
   * writes. Ignored from a connection without `durableAcks`; never answered once the connection has closed.
   */
  receive(connection: Connection, decoder: decoding.Decoder, durable: () => Promise<void>): void {
    const kind = decoding.readVarUint(decoder)
    if (kind !== DurabilityKind.SaveRequest) throw new Error(`Unexpected durability message kind ${kind} from a client`)
    const seq = decoding.readVarUint(decoder)
    if (!connection.durableAcks) return
    void durable().then(() => {
      if (connection.isStarted) connection.send(encodeSavedThroughMessage(seq))
    })
  }

  private broadcast(message: Uint8Array): void {
    for (const connection of this.connections) {
      if (connection.durableAcks && connection.isStarted) connection.send(message)
    }
  }
}
