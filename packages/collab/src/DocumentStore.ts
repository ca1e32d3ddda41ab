/** One stored record of a document: a Yjs update and the id the store gave it. */
export interface StoredUpdate {
  readonly id: number
  readonly update: Uint8Array
  /**
   * The store vouches that these are exactly the bytes it was given (a checksum written with them matched). The
   * core stores only updates it validated and states Yjs encoded from a validated document, so it then applies
   * the record without validating it again (a large report loads a third faster). Default: false.
   */
  readonly verified?: boolean
  /** The update's state vector (`Y.encodeStateVector` encoding), if the store keeps it (see `compact`). */
  readonly stateVector?: Uint8Array
}

/**
 * Durable storage of Yjs documents as append-only lists of updates.
 *
 * A document is whatever its records merge into, so records may be applied in any order and storing an update
 * twice is harmless. Every promise resolves only once the change is durable.
 */
export interface DocumentStore {
  /** Every stored record of the document, oldest first; an empty list for a document never written. */
  load(documentName: string): Promise<StoredUpdate[]>
  /** Stores one update and resolves with the id of its record. */
  append(documentName: string, update: Uint8Array): Promise<number>
  /**
   * Atomically replaces the records `replacedIds` with one record holding `mergedUpdate` (which must contain
   * all of them) and resolves with the new record's id. Records not listed, such as ones appended
   * concurrently, are kept. `stateVector` is the merged update's state vector (the core passes it, read from the
   * document it encoded the update from); a store may keep it and return it with the record (`StoredUpdate`), so a
   * load can answer with the record before parsing it.
   */
  compact(
    documentName: string,
    mergedUpdate: Uint8Array,
    replacedIds: readonly number[],
    stateVector?: Uint8Array,
  ): Promise<number>
  /**
   * Optional: atomically moves the records `ids` of the document out of its list into a quarantine where they
   * are kept for inspection (never loaded again). Called at load for records that do not decode or fail the
   * core's update validation. A store without it keeps such records, and every load skips them again.
   */
  quarantine?(documentName: string, ids: readonly number[]): Promise<void>
  /** Releases what the store holds; later calls reject. */
  close(): Promise<void>
}
