import type { Logger } from '@rapporteur/collab'

export interface CatchUpsOptions {
  /** The document's merged stored state, or null when nothing is stored. */
  readonly load: (documentName: string) => Promise<Uint8Array | null>
  /** Applies a loaded state to the open document (as a peer update: idempotent, never stored again). */
  readonly apply: (documentName: string, update: Uint8Array) => Promise<void>
  /** Milliseconds after a request that a second catch-up runs (for updates stored after the first read). */
  readonly followUpMs: number
  readonly logger: Logger
}

/**
 * Runs catch-ups: at most one at a time per document (a request meanwhile runs once more after it), each
 * `request` followed by a second one `followUpMs` later — a peer stores its clients' updates after a short
 * flush delay, so the first read can miss the newest.
 */
export class CatchUps {
  private readonly running = new Map<string, Promise<void>>()
  private readonly again = new Set<string>()
  private readonly followUps = new Map<string, NodeJS.Timeout>()
  private closed = false

  constructor(private readonly options: CatchUpsOptions) {}

  /** Catches the document up now and once more `followUpMs` later (the later one pushed back by new requests). */
  request(documentName: string): void {
    this.now(documentName)
    clearTimeout(this.followUps.get(documentName))
    const timer = setTimeout(() => {
      this.followUps.delete(documentName)
      this.now(documentName)
    }, this.options.followUpMs)
    timer.unref()
    this.followUps.set(documentName, timer)
  }

  /** Catches the document up now, without a follow-up (after the catch-up under way, if any). */
  now(documentName: string): void {
    if (this.closed) return
    if (this.running.has(documentName)) {
      this.again.add(documentName)
      return
    }
    const run = this.run(documentName).finally(() => this.running.delete(documentName))
    this.running.set(documentName, run)
  }

  /** Drops the document's pending follow-up and repeat (it closed here). */
  cancel(documentName: string): void {
    clearTimeout(this.followUps.get(documentName))
    this.followUps.delete(documentName)
    this.again.delete(documentName)
  }

  /** Cancels everything pending and waits for the catch-ups under way. */
  async close(): Promise<void> {
    this.closed = true
    for (const documentName of [...this.followUps.keys()]) this.cancel(documentName)
    this.again.clear()
    await Promise.all(this.running.values())
  }

  private async run(documentName: string): Promise<void> {
    do {
      this.again.delete(documentName)
      try {
        const state = await this.options.load(documentName)
        if (state !== null && !this.closed) await this.options.apply(documentName, state)
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        this.options.logger.warn('Fan-out catch-up failed', { documentName, error: message })
      }
    } while (this.again.has(documentName) && !this.closed)
  }
}
