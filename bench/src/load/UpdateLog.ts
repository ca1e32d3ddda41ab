const INITIAL_BYTES = 16 * 1024

/**
 * Received updates kept back to back in one growing buffer (doubled when full), read back in order. An
 * observer keeps everything it receives for the convergence check; kept as a list of the `ws` message views,
 * every update also kept its socket read alive, and the tens of thousands of small objects a phase adds were
 * what the generator's garbage collector moved and marked over and over.
 */
export class UpdateLog implements Iterable<Uint8Array> {
  private bytes = new Uint8Array(INITIAL_BYTES)
  private used = 0
  /** Where each update ends in `bytes`. */
  private readonly ends: number[] = []

  get count(): number {
    return this.ends.length
  }

  append(update: Uint8Array): void {
    if (this.used + update.byteLength > this.bytes.byteLength) this.grow(this.used + update.byteLength)
    this.bytes.set(update, this.used)
    this.used += update.byteLength
    this.ends.push(this.used)
  }

  *[Symbol.iterator](): Iterator<Uint8Array> {
    let start = 0
    for (const end of this.ends) {
      yield this.bytes.subarray(start, end)
      start = end
    }
  }

  private grow(needed: number): void {
    let size = this.bytes.byteLength * 2
    while (size < needed) size *= 2
    const bigger = new Uint8Array(size)
    bigger.set(this.bytes.subarray(0, this.used))
    this.bytes = bigger
  }
}
