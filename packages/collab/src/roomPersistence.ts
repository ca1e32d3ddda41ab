import * as Y from 'yjs'
import { DocumentPersistence } from './DocumentPersistence.js'
import type { DocumentRoomOptions } from './DocumentRoomOptions.js'
import type { DurableAcks } from './DurableAcks.js'

/** What a built room gives its persistence: its document, how to encode it whole, and its durable acks. */
export interface PersistedRoom {
  readonly doc: Y.Doc
  readonly acks: DurableAcks
  /** The whole document as one update, for a compaction (the room re-measures its size then). */
  encodeState(): Uint8Array
}

/** The persistence of a room just built from the stored records `loadedRecordIds`, with the server's settings. */
export function roomPersistence(options: DocumentRoomOptions, room: PersistedRoom, loadedRecordIds: readonly number[]): DocumentPersistence {
  return new DocumentPersistence({
    store: options.store,
    documentName: options.name,
    logger: options.logger,
    flushDelayMs: options.flushDelayMs,
    compactAfterRecords: options.compactAfterRecords,
    encodeState: () => room.encodeState(),
    loadedRecordIds,
    encodeStateVector: () => Y.encodeStateVector(room.doc),
    onDurable: (stateVector) => room.acks.saved(stateVector),
    onFailing: (reason) => room.acks.failing(reason),
    turns: options.backgroundTurns,
  })
}
