import { performance } from 'node:perf_hooks'

/** While connections keep arriving less than this far apart, background work waits (a storm of reconnections). */
const quietMs = 2
/** The longest a slice of background work waits for such a quiet moment. */
const maxDeferMs = 100

/**
 * Shares the event loop between background work and everything else. Each slice of it — a step of parsing a
 * stored record, one chunk of a load applied, one document's compaction — waits for its turn, and one turn is
 * given per event-loop iteration, after the sockets' I/O of that iteration: several documents loading at once,
 * or two hundred reaching their compaction together (they were typed at the same pace), take turns. While
 * connections are arriving (a storm of reconnections after the Wi-Fi came back), turns wait for a quiet moment,
 * up to `maxDeferMs` each: the newcomers get their answers (which need no decoding) first. The keystrokes of
 * documents already open never wait for more than one slice.
 */
export class BackgroundTurns {
  private readonly waiting: (() => void)[] = []
  private scheduled = false
  private lastConnectionAt = Number.NEGATIVE_INFINITY
  /** When the slice at the head of the queue started waiting for a quiet moment. */
  private deferredSince: number | null = null

  /** A connection arrived: loading work waits until they stop arriving (or `maxDeferMs`). */
  connectionArrived(): void {
    this.lastConnectionAt = performance.now()
  }

  /** Resolves on a later event-loop iteration, after the slices that asked before. */
  next(): Promise<void> {
    return new Promise((resolve) => {
      this.waiting.push(resolve)
      this.schedule()
    })
  }

  private schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(this.grant)
  }

  private readonly grant = (): void => {
    this.scheduled = false
    const now = performance.now()
    if (now - this.lastConnectionAt < quietMs) {
      this.deferredSince ??= now
      if (now - this.deferredSince < maxDeferMs) {
        this.scheduled = true
        setTimeout(this.grant, quietMs)
        return
      }
    }
    this.deferredSince = null
    const resolve = this.waiting.shift()
    if (this.waiting.length > 0) this.schedule()
    resolve?.()
  }
}
