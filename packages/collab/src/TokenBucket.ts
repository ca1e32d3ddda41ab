/**
 * A token bucket: holds up to `capacity` tokens, gains `refillPerSecond` of them every second (continuously),
 * and each `take()` spends one. Starts full.
 */
export class TokenBucket {
  private readonly capacity: number
  private readonly refillPerMs: number
  private readonly now: () => number
  private tokens: number
  private refilledAt: number

  constructor(refillPerSecond: number, capacity: number, now: () => number = () => performance.now()) {
    this.capacity = capacity
    this.refillPerMs = refillPerSecond / 1000
    this.now = now
    this.tokens = capacity
    this.refilledAt = now()
  }

  /** Spends one token; false (and nothing spent) when the bucket is empty. */
  take(): boolean {
    const now = this.now()
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.refilledAt) * this.refillPerMs)
    this.refilledAt = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
