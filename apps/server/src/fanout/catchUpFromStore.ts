import type { DocumentStore } from '@rapporteur/collab'
import * as Y from 'yjs'

/** A `RedisFanout` `catchUp` reading the shared store: its records merged into one update, or null if none. */
export function catchUpFromStore(store: Pick<DocumentStore, 'load'>): (documentName: string) => Promise<Uint8Array | null> {
  return async (documentName) => {
    const records = await store.load(documentName)
    if (records.length === 0) return null
    return records.length === 1 ? (records[0]?.update ?? null) : Y.mergeUpdates(records.map((record) => record.update))
  }
}
