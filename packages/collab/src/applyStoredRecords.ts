import * as Y from 'yjs'
import type { DocumentStore, StoredUpdate } from './DocumentStore.js'
import type { Logger } from './Logger.js'
import { validateUpdate } from './validateUpdate.js'

export interface ApplyStoredRecordsOptions {
  readonly documentName: string
  readonly store: DocumentStore
  readonly logger: Logger
}

/**
 * Applies a document's stored records to `doc`. A record that does not decode, fails `validateUpdate` or makes
 * Yjs throw is set aside (`store.quarantine`, logged at error) and the document loads with the rest.
 * Resolves with the records applied.
 */
export async function applyStoredRecords(
  doc: Y.Doc,
  stored: readonly StoredUpdate[],
  { documentName, store, logger }: ApplyStoredRecordsOptions,
): Promise<StoredUpdate[]> {
  const applied: StoredUpdate[] = []
  const rejected: { id: number; error: unknown }[] = []
  for (const record of stored) {
    try {
      validateUpdate(record.update, doc)
      Y.applyUpdate(doc, record.update)
    } catch (error) {
      rejected.push({ id: record.id, error })
      continue
    }
    applied.push(record)
  }
  if (rejected.length === 0) return applied
  const ids = rejected.map((record) => record.id)
  logger.error('Stored document records do not decode; setting them aside', {
    documentName,
    recordIds: ids,
    error: rejected[0]?.error,
  })
  if (store.quarantine === undefined) {
    logger.error('The store cannot quarantine records; they stay stored and are skipped', { documentName, recordIds: ids })
    return applied
  }
  try {
    await store.quarantine(documentName, ids)
  } catch (error) {
    // They stay in the store, never listed for compaction, and are skipped again at the next load.
    logger.error('Could not quarantine stored records; skipping them', { documentName, recordIds: ids, error })
  }
  return applied
}
