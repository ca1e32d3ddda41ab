import { open, type FileHandle } from 'node:fs/promises'
import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'

export interface WalSyncOptions {
  /**
   * Syncs start at least this many milliseconds apart; the commits made meanwhile share the next one. Each
   * `fdatasync` costs the kernel work of a journal commit (on the server's core: ~13 % of its CPU in S2 with a
   * sync per event-loop turn), while a few milliseconds more before SAVED cost nobody anything. Default 10.
   */
  minIntervalMs?: number
}

/**
 * Makes commits of a `synchronous = NORMAL` WAL connection durable without blocking the event loop: after a
 * commit, `afterCommit()` syncs the WAL file (`fdatasync`, on libuv's thread pool) and resolves once the
 * committed frames are on disk — the same guarantee as `synchronous = FULL`, whose sync runs inside the
 * (synchronous) write call and stops every other socket for as long as the disk takes.
 * Syncs are shared: a commit waits for the first sync that starts after it (group commit).
 */
export class WalSync {
  private handle: Promise<FileHandle> | null = null
  private running: Promise<void> | null = null
  /** True while the running sync waits for its start (`minIntervalMs`): a commit made now is covered by it. */
  private runningNotStarted = false
  private next: Promise<void> | null = null
  private lastStartAt = Number.NEGATIVE_INFINITY
  private closed = false
  private started = 0
  private readonly minIntervalMs: number

  constructor(
    private readonly walFile: string,
    options: WalSyncOptions = {},
  ) {
    this.minIntervalMs = options.minIntervalMs ?? 10
  }

  /** How many syncs have started (for tests). */
  get syncCount(): number {
    return this.started
  }

  /** Resolves once everything committed before the call is on disk; rejects if syncing failed. */
  afterCommit(): Promise<void> {
    if (this.closed) return Promise.reject(new Error('WalSync is closed'))
    if (this.running === null) {
      this.running = this.sync().finally(() => (this.running = null))
      return this.running
    }
    if (this.runningNotStarted) return this.running
    // A sync is under way, but it may have started before this commit: wait for the one after it.
    this.next ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.next = null
        return this.afterCommit()
      })
    return this.next
  }

  async close(): Promise<void> {
    this.closed = true
    await Promise.allSettled([this.running, this.next])
    if (this.handle !== null) await (await this.handle).close()
  }

  private async sync(): Promise<void> {
    const wait = this.lastStartAt + this.minIntervalMs - performance.now()
    if (wait > 0) {
      this.runningNotStarted = true
      try {
        await sleep(wait)
      } finally {
        this.runningNotStarted = false
      }
    }
    this.lastStartAt = performance.now()
    this.started++
    // The WAL file exists once the first transaction was committed, and keeps its inode while the database is open.
    if (this.handle === null) {
      const opening = open(this.walFile, 'r')
      this.handle = opening
      opening.catch(() => {
        if (this.handle === opening) this.handle = null
      })
    }
    await (await this.handle).datasync()
  }
}
