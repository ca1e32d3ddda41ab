import * as Y from 'yjs'
import { DeferredFormattingCleanup } from './DeferredFormattingCleanup.js'
import type { DocumentStore, StoredUpdate } from './DocumentStore.js'
import type { BackgroundTurns } from './BackgroundTurns.js'
import type { Logger } from './Logger.js'
import { splitUpdateSteps, type SplitUpdate } from './splitUpdate.js'
import { validateUpdate } from './validateUpdate.js'

export interface ApplyStoredRecordsOptions {
  readonly documentName: string
  readonly store: DocumentStore
  readonly logger: Logger
  /** Each slice of work waits for its turn here. */
  readonly turns: BackgroundTurns
  /** Records larger than this are applied in causal chunks of about this size, one per turn. */
  readonly chunkBytes: number
  /** Checked after every turn: true stops the load (it resolves with what was applied). */
  readonly isCancelled: () => boolean
  /** Told the state vector of each record as soon as it is known (before the record is applied). */
  readonly onStateVector?: (record: StoredUpdate, stateVector: Map<number, number>) => void
}

/** A record applied in part when a later chunk of it failed: the document cannot be used. */
export class PartlyAppliedRecordError extends Error {}

/**
 * Applies a document's stored records to `doc`, in slices: a large record is parsed in steps and cut into causal
 * chunks (`splitUpdate`), each validated (unless the store `verified` the record) and applied on its own
 * event-loop turn. A record that does not parse, or whose first chunk fails `validateUpdate` or makes Yjs throw,
 * is set aside (`store.quarantine`, logged at error) and the document loads with the rest. A later chunk failing (a corrupt record that still parses) has
 * left part of the record in `doc`: the record is set aside and `PartlyAppliedRecordError` thrown, so the load
 * fails and the next one goes without it. Resolves with the records applied.
 */
export async function applyStoredRecords(
  doc: Y.Doc,
  stored: readonly StoredUpdate[],
  options: ApplyStoredRecordsOptions,
): Promise<StoredUpdate[]> {
  const applied: StoredUpdate[] = []
  const rejected: { id: number; error: unknown }[] = []
  for (const record of stored) {
    let split: SplitUpdate | null
    try {
      split = await runSteps(splitUpdateSteps(record.update, options.chunkBytes), options)
    } catch (error) {
      rejected.push({ id: record.id, error })
      continue
    }
    if (split === null) return applied
    options.onStateVector?.(record, split.stateVector)
    const outcome = await applyChunks(doc, split.chunks, record.verified === true, options)
    if (outcome === 'cancelled') return applied
    if (outcome === 'applied') applied.push(record)
    else if (outcome.failedAt === 0) rejected.push({ id: record.id, error: outcome.error })
    else {
      await setAside(options, [{ id: record.id, error: outcome.error }])
      throw new PartlyAppliedRecordError(`Stored record ${record.id} failed after part of it was applied`, {
        cause: outcome.error,
      })
    }
  }
  if (rejected.length > 0) await setAside(options, rejected)
  return applied
}

/**
 * Validates (unless the store verified the record) and applies a record's chunks, one per turn, with the formatting cleanup Yjs would
 * run after each put off until all are in (`DeferredFormattingCleanup`), then run text by text.
 */
async function applyChunks(
  doc: Y.Doc,
  chunks: readonly Uint8Array[],
  verified: boolean,
  { turns, isCancelled }: ApplyStoredRecordsOptions,
): Promise<'applied' | 'cancelled' | { failedAt: number; error: unknown }> {
  if (chunks.length === 1) {
    await turns.next()
    if (isCancelled()) return 'cancelled'
    try {
      if (!verified) validateUpdate(chunks[0] as Uint8Array, doc)
      Y.applyUpdate(doc, chunks[0] as Uint8Array)
    } catch (error) {
      return { failedAt: 0, error }
    }
    return 'applied'
  }
  const cleanup = new DeferredFormattingCleanup(doc)
  let texts: Y.Text[] = []
  try {
    for (const [index, chunk] of chunks.entries()) {
      await turns.next()
      if (isCancelled()) return 'cancelled'
      try {
        if (!verified) validateUpdate(chunk, doc)
        Y.applyUpdate(doc, chunk)
      } catch (error) {
        return { failedAt: index, error }
      }
    }
  } finally {
    texts = cleanup.finish()
  }
  for (const text of texts) {
    await turns.next()
    if (isCancelled()) return 'cancelled'
    Y.cleanupYTextFormatting(text)
  }
  return 'applied'
}

/** Runs a generator to its end, one step per turn; null if the load was cancelled meanwhile. */
async function runSteps<T>(steps: Generator<void, T, void>, { turns, isCancelled }: ApplyStoredRecordsOptions): Promise<T | null> {
  for (;;) {
    await turns.next()
    if (isCancelled()) return null
    const step = steps.next()
    if (step.done === true) return step.value
  }
}

async function setAside(
  { documentName, store, logger }: ApplyStoredRecordsOptions,
  rejected: readonly { id: number; error: unknown }[],
): Promise<void> {
  const ids = rejected.map((record) => record.id)
  logger.error('Stored document records do not decode; setting them aside', {
    documentName,
    recordIds: ids,
    error: rejected[0]?.error,
  })
  if (store.quarantine === undefined) {
    logger.error('The store cannot quarantine records; they stay stored and are skipped', { documentName, recordIds: ids })
    return
  }
  try {
    await store.quarantine(documentName, ids)
  } catch (error) {
    // They stay in the store, never listed for compaction, and are skipped again at the next load.
    logger.error('Could not quarantine stored records; skipping them', { documentName, recordIds: ids, error })
  }
}
