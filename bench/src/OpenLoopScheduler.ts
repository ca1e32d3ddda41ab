import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'

export interface Typist {
  type(intendedAt: number): void
}

/**
 * A fixed, open-loop keystroke schedule: every typist types `ratePerSecond` keystrokes a second, the typists'
 * phases evenly staggered, so keystroke k of the whole run is due at start + k × interval / typists whatever
 * happened before. A keystroke that comes late is still sent (at once) and carries its intended time.
 */
export class OpenLoopScheduler {
  constructor(
    private readonly typists: readonly Typist[],
    private readonly ratePerSecond: number,
    private readonly durationMs: number,
  ) {}

  /** Runs the schedule; `stop()` returning true ends it early. Returns the start time (performance.now() base). */
  async run(stop: () => boolean): Promise<number> {
    const gap = 1000 / this.ratePerSecond / this.typists.length
    const start = performance.now() + 5
    const end = start + this.durationMs
    let index = 0
    while (!stop()) {
      const due = start + index * gap
      if (due >= end) break
      const now = performance.now()
      if (now < due) {
        await sleep(due - now)
        continue
      }
      while (start + index * gap <= performance.now() && start + index * gap < end) {
        this.typists[index % this.typists.length]?.type(start + index * gap)
        index += 1
      }
    }
    return start
  }
}
