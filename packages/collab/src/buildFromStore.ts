import type * as Y from 'yjs'
import { applyStoredRecords, type ApplyStoredRecordsOptions } from './applyStoredRecords.js'
import type { Connection } from './Connection.js'
import type { StoredUpdate } from './DocumentStore.js'
import type { WriterSyncAnswers } from './WriterSyncAnswers.js'

/** What `buildFromStore` built. */
export interface BuiltFromStore {
  /** The records applied. */
  readonly records: StoredUpdate[]
  /** The only stored record, if the document holds exactly it (the load changed nothing of its own). */
  readonly exactRecord: Uint8Array | null
}

/**
 * Builds a room's document from its stored records. A document stored as one record is handed to `writerSync`
 * first, so writers get it before the document is built (with the record's state vector: the one stored with it
 * when the store vouches for the record, else as soon as `applyStoredRecords` has read it). Notes whether the load
 * made a transaction of its own (Yjs tidying formatting marks), after which the record no longer describes exactly
 * what the document holds. Resolves null if the load was cancelled meanwhile.
 */
export async function buildFromStore(
  doc: Y.Doc,
  stored: readonly StoredUpdate[],
  writerSync: WriterSyncAnswers,
  connections: Iterable<Connection>,
  options: Omit<ApplyStoredRecordsOptions, 'onStateVector'>,
): Promise<BuiltFromStore | null> {
  const only = stored.length === 1 ? (stored[0] as StoredUpdate) : null
  if (only !== null) {
    const stateVector = only.verified === true ? (only.stateVector ?? null) : null
    writerSync.storedStateRead(only.update, stateVector, connections)
  }
  let changedByLoad = false
  const noteOwnChange = (transaction: Y.Transaction): void => {
    if (transaction.local) changedByLoad = true
  }
  doc.on('afterTransaction', noteOwnChange)
  let records: StoredUpdate[]
  try {
    records = await applyStoredRecords(doc, stored, {
      ...options,
      onStateVector: (record, stateVector) => {
        if (record === only) writerSync.storedStateVectorRead(stateVector)
      },
    })
  } finally {
    doc.off('afterTransaction', noteOwnChange)
  }
  if (options.isCancelled()) return null
  const exact = only !== null && records.length === 1 && !changedByLoad
  return { records, exactRecord: exact ? only.update : null }
}
