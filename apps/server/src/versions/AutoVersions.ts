import type { Logger } from '@rapporteur/collab'
import type { ReportReadiness } from '@rapporteur/template'
import type { ReportVersions } from './ReportVersions.js'

/** Name of the version taken when a report is marked ready. */
export const READY_VERSION_NAME = 'Ready for the closing session'
/** Name of the version taken after a stretch of editing went quiet. */
export const QUIET_VERSION_NAME = 'After a stretch of editing'
/** `createdBy` of automatic versions. */
export const AUTOMATIC_AUTHOR = 'Automatic'

export interface AutoVersionsOptions {
  readonly versions: Pick<ReportVersions, 'takeIfChanged' | 'take'>
  /** Quiet time after the last edit before the stretch's version is taken (`VERSION_QUIET_MINUTES`). */
  readonly quietMs: number
  readonly logger: Logger
}

/**
 * Takes the automatic versions: one when a report's editing went quiet for `quietMs` after a stretch of
 * activity (skipped if nothing changed since its latest version), and one when a report becomes ready. Told
 * by the report monitor, off the relay path (from its debounced progress computation).
 */
export class AutoVersions {
  private readonly options: AutoVersionsOptions
  private readonly quietTimers = new Map<string, ReturnType<typeof setTimeout>>()
  private readonly pending = new Set<Promise<unknown>>()
  private closed = false

  constructor(options: AutoVersionsOptions) {
    this.options = options
  }

  /** The report was edited: its stretch of activity goes on; the quiet version waits for `quietMs` of quiet. */
  reportEdited(roundtableId: string): void {
    if (this.closed) return
    const previous = this.quietTimers.get(roundtableId)
    if (previous !== undefined) clearTimeout(previous)
    const timer = setTimeout(() => {
      this.quietTimers.delete(roundtableId)
      this.track(
        this.options.versions.takeIfChanged(roundtableId, { name: QUIET_VERSION_NAME, kind: 'auto', createdBy: AUTOMATIC_AUTHOR }),
        roundtableId,
      )
    }, this.options.quietMs)
    timer.unref()
    this.quietTimers.set(roundtableId, timer)
  }

  /** The report's meta `ready` went from empty to a time. */
  reportBecameReady(roundtableId: string, ready: ReportReadiness): void {
    if (this.closed) return
    this.track(
      this.options.versions.take(roundtableId, { name: READY_VERSION_NAME, kind: 'ready', createdBy: ready.by || AUTOMATIC_AUTHOR }),
      roundtableId,
    )
  }

  /** Stops the quiet timers and waits for the versions being taken (before the database closes). */
  async close(): Promise<void> {
    this.closed = true
    for (const timer of this.quietTimers.values()) clearTimeout(timer)
    this.quietTimers.clear()
    await Promise.allSettled([...this.pending])
  }

  private track(taking: Promise<unknown>, roundtableId: string): void {
    const tracked = taking
      .catch((error: unknown) => this.options.logger.error('Could not take an automatic version', { roundtableId, error }))
      .finally(() => this.pending.delete(tracked))
    this.pending.add(tracked)
  }
}
