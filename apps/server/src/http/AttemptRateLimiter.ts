export interface AttemptRateLimiterOptions {
  /** Attempts allowed per minute and key; up to this many may come at once. */
  readonly perMinute: number
  /** Keys tracked at most; past it, keys are forgotten oldest first. Default 10 000. */
  readonly maxKeys?: number
  /** Clock in milliseconds. Default `Date.now`. */
  readonly now?: () => number
}

interface Bucket {
  tokens: number
  updatedAt: number
}

const MINUTE_MS = 60_000

/**
 * A token bucket per key (such as a remote address): each key may make `perMinute` attempts at once, and
 * regains one every `60 s / perMinute`. Memory stays bounded: keys whose bucket has refilled are forgotten,
 * and no more than `maxKeys` are kept.
 */
export class AttemptRateLimiter {
  private readonly capacity: number
  private readonly maxKeys: number
  private readonly now: () => number
  private readonly buckets = new Map<string, Bucket>()
  private lastPrunedAt: number

  constructor(options: AttemptRateLimiterOptions) {
    this.capacity = options.perMinute
    this.maxKeys = options.maxKeys ?? 10_000
    this.now = options.now ?? Date.now
    this.lastPrunedAt = this.now()
  }

  /** How many keys are tracked. */
  get size(): number {
    return this.buckets.size
  }

  /** Counts one attempt of `key`; false when it has none left. */
  tryAttempt(key: string): boolean {
    const now = this.now()
    if (now - this.lastPrunedAt >= MINUTE_MS) this.prune(now)
    const bucket = this.buckets.get(key)
    const tokens = bucket === undefined ? this.capacity : this.refilled(bucket, now)
    if (tokens < 1) {
      if (bucket !== undefined) Object.assign(bucket, { tokens, updatedAt: now })
      return false
    }
    // Re-inserted so the map's order is the order of last use (oldest first).
    this.buckets.delete(key)
    this.buckets.set(key, { tokens: tokens - 1, updatedAt: now })
    while (this.buckets.size > this.maxKeys) this.forgetOldest()
    return true
  }

  private refilled(bucket: Bucket, now: number): number {
    return Math.min(this.capacity, bucket.tokens + ((now - bucket.updatedAt) * this.capacity) / MINUTE_MS)
  }

  /** Forgets every key whose bucket is full again: it behaves as a key never seen. */
  private prune(now: number): void {
    this.lastPrunedAt = now
    for (const [key, bucket] of this.buckets) {
      if (this.refilled(bucket, now) >= this.capacity) this.buckets.delete(key)
    }
  }

  private forgetOldest(): void {
    const oldest = this.buckets.keys().next()
    if (oldest.done !== true) this.buckets.delete(oldest.value)
  }
}
