/** Bucket width ratio: every bucket is 1/64 (about 1.6 %) wider than the previous one. */
const GROWTH = 1 + 1 / 64
const LOG_GROWTH = Math.log(GROWTH)

/**
 * A small log-bucketed latency histogram (HDR-style): values in milliseconds are recorded into buckets whose
 * width grows geometrically, so any percentile is known to within about 1.6 % at constant memory. Count, sum,
 * minimum and maximum are kept exactly.
 */
export class Histogram {
  private readonly buckets = new Map<number, number>()
  private total = 0
  private sum = 0
  private minimum = Number.POSITIVE_INFINITY
  private maximum = 0

  record(valueMs: number): void {
    const value = Math.max(valueMs, 0)
    const micros = value * 1000
    const index = micros <= 1 ? 0 : Math.ceil(Math.log(micros) / LOG_GROWTH)
    this.buckets.set(index, (this.buckets.get(index) ?? 0) + 1)
    this.total += 1
    this.sum += value
    this.minimum = Math.min(this.minimum, value)
    this.maximum = Math.max(this.maximum, value)
  }

  get count(): number {
    return this.total
  }

  get max(): number {
    return this.total === 0 ? Number.NaN : this.maximum
  }

  get mean(): number {
    return this.total === 0 ? Number.NaN : this.sum / this.total
  }

  /** The value at or below which `percent` % of the recorded values lie (bucket upper bound, clamped to the max). */
  percentile(percent: number): number {
    if (this.total === 0) return Number.NaN
    const rank = Math.max(1, Math.ceil((percent / 100) * this.total))
    const indexes = [...this.buckets.keys()].sort((a, b) => a - b)
    let seen = 0
    for (const index of indexes) {
      seen += this.buckets.get(index) ?? 0
      if (seen >= rank) {
        const upperMs = index === 0 ? 0.001 : GROWTH ** index / 1000
        return Math.min(Math.max(upperMs, this.minimum), this.maximum)
      }
    }
    return this.maximum
  }
}
