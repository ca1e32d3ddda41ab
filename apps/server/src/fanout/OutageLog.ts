import type { Logger } from '@rapporteur/collab'

/**
 * Logs a connection's outage once: a warning when the first failure comes, an info line when it works again,
 * nothing for the failures in between (publishing fails for every update while Redis is down).
 */
export class OutageLog {
  private down = false

  constructor(
    private readonly logger: Logger,
    private readonly what: string,
  ) {}

  get isDown(): boolean {
    return this.down
  }

  failed(error: unknown): void {
    if (this.down) return
    this.down = true
    this.logger.warn(`${this.what} failing`, { error: error instanceof Error ? error.message : String(error) })
  }

  /** Returns whether this ended an outage. */
  recovered(): boolean {
    if (!this.down) return false
    this.down = false
    this.logger.info(`${this.what} working again`)
    return true
  }
}
