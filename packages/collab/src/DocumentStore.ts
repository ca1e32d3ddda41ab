/** One stored record of a document: a Yjs update and the id the store gave it. */
export interface StoredUpdate {
  readonly id: number
  readonly update: Uint8Array
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
   * concurrently, are kept.
   */
  compact(documentName: string, mergedUpdate: Uint8Array, replacedIds: readonly number[]): Promise<number>
  /**
   * Optional: atomically moves the records `ids` of the document out of its list into a quarantine where they
   * are kept for inspection (never loaded again). Called at load for records that do not decode or fail the
   * core's update validation. A store without it keeps such records, and every load skips them again.
   */
  quarantine?(documentName: string, ids: readonly number[]): Promise<void>
  /** Releases what the store holds; later calls reject. */
  close(): Promise<void>
}
