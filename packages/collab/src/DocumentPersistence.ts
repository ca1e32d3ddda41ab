import * as Y from 'yjs'
import type { BackgroundTurns } from './BackgroundTurns.js'
import type { DocumentStore } from './DocumentStore.js'
import type { Logger } from './Logger.js'

export interface DocumentPersistenceOptions {
  store: DocumentStore
  documentName: string
  logger: Logger
  /** Milliseconds updates are collected before they are written as one record. */
  flushDelayMs: number
  /** Number of stored records at which the document is merged into one record in the background. */
  compactAfterRecords: number
  /** The whole document as one update (what a compaction stores). */
  encodeState: () => Uint8Array
  /** Ids of the records the document was loaded from. */
  loadedRecordIds: readonly number[]
  /**
   * The document's state vector (`Y.encodeStateVector`), read when a write takes what was handed over: it then
   * covers exactly the updates that write stores.
   */
  encodeStateVector: () => Uint8Array
  /** Called after each successful write that stored updates, with the state vector now durable. */
  onDurable?: (stateVector: Uint8Array) => void
  /** Called once when writes start failing (`reason` for people), before retrying; `onDurable` follows recovery. */
  onFailing?: (reason: string) => void
  /** First delay before retrying a failed write, doubled after each failure up to `retryMaxDelayMs`. Default 250. */
  retryDelayMs?: number
  /** Default 5000. */
  retryMaxDelayMs?: number
  /** Where each compaction waits for its turn (see `BackgroundTurns`); none: at once. */
  turns?: Pick<BackgroundTurns, 'next'>
}

interface Waiter {
  isDone: () => boolean
  /** Kept waiting when a write fails (see `durable()`). */
  patient?: boolean
  resolve: () => void
  reject: (error: unknown) => void
}

/**
 * Writes one open document's updates to the store: batched appends, background compaction, and
 * `flush()` promises that resolve once everything handed over so far is durable. One write runs at a time,
 * so the record ids it tracks are exactly the records the document holds.
 */
export class DocumentPersistence {
  private readonly options: DocumentPersistenceOptions
  private readonly recordIds: number[]
  private pending: Uint8Array[] = []
  private receivedCount = 0
  private durableCount = 0
  private compactionWanted = false
  private compactionsStarted = 0
  private compactionsDone = 0
  private timer: ReturnType<typeof setTimeout> | null = null
  private isWriting = false
  private waiters: Waiter[] = []
  /** The state vector of everything durable: what was loaded, then what each write covered. */
  private durableVector: Uint8Array
  private failedWrites = 0
  private isDisposed = false

  constructor(options: DocumentPersistenceOptions) {
    this.options = options
    this.recordIds = [...options.loadedRecordIds]
    this.durableVector = options.encodeStateVector()
  }

  /** The state vector covering every update known to be durable (see `DocumentStore`). */
  get durableStateVector(): Uint8Array {
    return this.durableVector
  }

  /** True while the last write failed and a retry is scheduled. */
  get isFailing(): boolean {
    return this.failedWrites > 0
  }

  /** True when nothing is waiting to be written and no write is running. */
  get isIdle(): boolean {
    return !this.isWriting && this.pending.length === 0 && !this.compactionWanted
  }

  /** How many records the store holds for this document, as far as this document knows. */
  get recordCount(): number {
    return this.recordIds.length
  }

  /** Queues an update that is already applied to the document. */
  add(update: Uint8Array): void {
    this.pending.push(update)
    this.receivedCount++
    if (this.timer === null && !this.isWriting && !this.isDisposed) {
      this.timer = setTimeout(() => this.startWriting(), this.options.flushDelayMs)
    }
  }

  /** Resolves once every update added so far is durable; rejects if it could not be written. */
  flush(): Promise<void> {
    const target = this.receivedCount
    return this.waitFor(() => this.durableCount >= target)
  }

  /**
   * Resolves once every update added so far is durable, waiting through failed writes (never rejects): while
   * writes fail it follows the retries and resolves after the first that succeeds. Unlike `flush()`, it does
   * not hurry a retry that is waiting out its backoff. Never resolves once disposed with updates unwritten.
   */
  durable(): Promise<void> {
    const target = this.receivedCount
    const isDone = () => this.durableCount >= target
    if (isDone()) return Promise.resolve()
    const done = new Promise<void>((resolve) => this.waiters.push({ isDone, patient: true, resolve, reject: () => {} }))
    if (!this.isFailing) this.startWriting()
    return done
  }

  /** Merges the document's records into one after the writes queued before; resolves when that is durable. */
  compact(): Promise<void> {
    this.compactionWanted = true
    const target = this.compactionsStarted + 1
    return this.waitFor(() => this.compactionsDone >= target)
  }

  /** Flushes, then merges the records into one if there are several. */
  async settle(): Promise<void> {
    await this.flush()
    if (this.recordIds.length > 1) await this.compact()
  }

  /** Stops the batching timer. Pending updates stay unwritten; call `flush()` first to keep them. */
  dispose(): void {
    this.isDisposed = true
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
  }

  private waitFor(isDone: () => boolean): Promise<void> {
    if (isDone()) return Promise.resolve()
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ isDone, resolve, reject }))
    this.startWriting()
    return done
  }

  private startWriting(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    if (this.isWriting) return
    this.isWriting = true
    void this.writeAll()
  }

  /**
   * Writes until nothing is left. Ends on the first failed compaction: waiting `flush()`es reject, and a retry
   * is scheduled with backoff (a new add or flush does not wait for it), until a write succeeds.
   */
  private async writeAll(): Promise<void> {
    let failure: unknown = null
    try {
      while (this.pending.length > 0 || this.compactionWanted) {
        const durableBefore = this.durableCount
        if (this.compactionWanted) await this.writeCompaction()
        else await this.writeAppend()
        if (this.durableCount !== durableBefore || this.failedWrites > 0) this.recovered()
        this.resolveWaiters()
      }
    } catch (error) {
      failure = error
    } finally {
      this.isWriting = false
    }
    if (failure !== null) this.failed(failure)
  }

  private recovered(): void {
    if (this.failedWrites > 0) {
      this.options.logger.info('Storing document updates works again', {
        documentName: this.options.documentName,
        failedWrites: this.failedWrites,
      })
    }
    this.failedWrites = 0
    this.options.onDurable?.(this.durableVector)
  }

  private failed(error: unknown): void {
    this.failedWrites++
    const retryDelayMs = this.options.retryDelayMs ?? 250
    const delay = Math.min(retryDelayMs * 2 ** (this.failedWrites - 1), this.options.retryMaxDelayMs ?? 5000)
    this.options.logger.error('Could not store document updates; retrying', {
      documentName: this.options.documentName,
      failedWrites: this.failedWrites,
      retryInMs: delay,
      error,
    })
    if (this.failedWrites === 1) this.options.onFailing?.(error instanceof Error ? error.message : String(error))
    this.rejectWaiters(error)
    if (this.isDisposed || this.isWriting) return
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = setTimeout(() => this.startWriting(), delay)
  }

  private async writeAppend(): Promise<void> {
    const batch = this.pending
    const coveredCount = this.receivedCount
    const coveredVector = this.options.encodeStateVector()
    this.pending = []
    const update = batch.length === 1 ? (batch[0] as Uint8Array) : Y.mergeUpdates(batch)
    try {
      this.recordIds.push(await this.options.store.append(this.options.documentName, update))
    } catch (error) {
      // The batch is in the document, so a compaction stores it; try that before giving up.
      this.options.logger.warn('Appending document updates failed; storing the whole document instead', {
        documentName: this.options.documentName,
        error,
      })
      this.compactionWanted = true
      return
    }
    this.durableCount = coveredCount
    this.durableVector = coveredVector
    if (this.recordIds.length >= this.options.compactAfterRecords) this.compactionWanted = true
  }

  private async writeCompaction(): Promise<void> {
    this.compactionWanted = false
    // Background work: documents that reach their record count together must not all merge in one turn.
    await this.options.turns?.next()
    if (this.isDisposed) return
    const compaction = ++this.compactionsStarted
    const merged = this.options.encodeState()
    const coveredCount = this.receivedCount
    const coveredVector = this.options.encodeStateVector()
    const replacedIds = [...this.recordIds]
    // The merged state holds every update handed over so far, pending ones included.
    const pendingBefore = this.pending
    this.pending = []
    try {
      // The document's state vector is the merged state's (never beyond it: pending structs are not counted).
      const id = await this.options.store.compact(this.options.documentName, merged, replacedIds, coveredVector)
      this.recordIds.splice(0, replacedIds.length, id)
    } catch (error) {
      this.pending = [...pendingBefore, ...this.pending]
      this.compactionWanted = true
      throw error
    }
    this.durableCount = coveredCount
    this.durableVector = coveredVector
    this.compactionsDone = compaction
    this.options.logger.debug('Compacted document', {
      documentName: this.options.documentName,
      replacedRecords: replacedIds.length,
    })
  }

  private resolveWaiters(): void {
    const waiting = this.waiters
    this.waiters = []
    for (const waiter of waiting) {
      if (waiter.isDone()) waiter.resolve()
      else this.waiters.push(waiter)
    }
  }

  private rejectWaiters(error: unknown): void {
    const waiting = this.waiters
    this.waiters = []
    for (const waiter of waiting) {
      if (waiter.patient === true) this.waiters.push(waiter)
      else waiter.reject(error)
    }
  }
}
