import type { Logger } from './Logger.js'

/** How long a room whose final write failed waits before trying to unload again. */
const retryMs = 5000

/**
 * A room's unloading: one run at a time (callers share it), and, when started in the background and storing
 * fails, another try every few seconds for as long as the room is still to go.
 */
export class RoomUnload {
  private running: Promise<void> | null = null
  private retry: ReturnType<typeof setTimeout> | null = null

  constructor(
    private readonly documentName: string,
    private readonly logger: Logger,
    /** Stores and destroys the room; resolves when done or abandoned, rejects if storing failed. */
    private readonly storeAndDestroy: () => Promise<void>,
    /** True while the room should still go (nobody connected, still open). */
    private readonly isWanted: () => boolean,
  ) {}

  run(): Promise<void> {
    this.running ??= this.storeAndDestroy().finally(() => {
      this.running = null
    })
    return this.running
  }

  inBackground(): void {
    this.run().catch((error: unknown) => {
      this.logger.error('Could not store document before unloading; keeping it open', {
        documentName: this.documentName,
        error,
      })
      this.retry ??= setTimeout(() => {
        this.retry = null
        if (this.isWanted()) this.inBackground()
      }, retryMs)
    })
  }

  dispose(): void {
    if (this.retry !== null) clearTimeout(this.retry)
    this.retry = null
  }
}
