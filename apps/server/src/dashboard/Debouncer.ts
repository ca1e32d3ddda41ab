export interface DebouncerOptions {
  /** Quiet time after the last `schedule` before `run` is called (trailing edge). */
  readonly waitMs: number
  /** Longest time between the first `schedule` of a burst and `run`, however busy the key stays. */
  readonly maxWaitMs: number
  readonly run: (key: string) => void
}

interface Pending {
  readonly firstAt: number
  lastAt: number
  timer: ReturnType<typeof setTimeout>
}

/**
 * Trailing debounce per key with a maximum wait. `schedule` is what runs on hot paths, so it only records the
 * time: one timer per burst, re-armed when it fires early, never cleared and set again per call.
 */
export class Debouncer {
  private readonly options: DebouncerOptions
  private readonly pending = new Map<string, Pending>()

  constructor(options: DebouncerOptions) {
    this.options = options
  }

  schedule(key: string): void {
    const now = performance.now()
    const pending = this.pending.get(key)
    if (pending !== undefined) {
      pending.lastAt = now
      return
    }
    const created: Pending = { firstAt: now, lastAt: now, timer: setTimeout(() => this.fire(key), this.options.waitMs) }
    this.pending.set(key, created)
  }

  isPending(key: string): boolean {
    return this.pending.has(key)
  }

  /** Forgets a scheduled run of `key` without running it. */
  cancel(key: string): void {
    const pending = this.pending.get(key)
    if (pending === undefined) return
    clearTimeout(pending.timer)
    this.pending.delete(key)
  }

  /** Runs `key` now if it was scheduled. */
  runNow(key: string): void {
    if (!this.pending.has(key)) return
    this.cancel(key)
    this.options.run(key)
  }

  /** Runs every scheduled key now. */
  runAll(): void {
    for (const key of [...this.pending.keys()]) this.runNow(key)
  }

  /** Forgets every scheduled run. */
  dispose(): void {
    for (const key of [...this.pending.keys()]) this.cancel(key)
  }

  private fire(key: string): void {
    const pending = this.pending.get(key)
    if (pending === undefined) return
    const now = performance.now()
    const untilQuiet = pending.lastAt + this.options.waitMs - now
    const untilMax = pending.firstAt + this.options.maxWaitMs - now
    const delay = Math.min(untilQuiet, untilMax)
    if (delay > 1) {
      pending.timer = setTimeout(() => this.fire(key), delay)
      return
    }
    this.pending.delete(key)
    this.options.run(key)
  }
}
