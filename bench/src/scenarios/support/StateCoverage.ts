import * as Y from 'yjs'

/**
 * Follows which part of a report a light client has received, without building the document: each incoming
 * update is parsed for its clock range per client (`Y.parseUpdateMeta`, no integration) and a client's range
 * counts once it joins what was already received. Complete once every client of `target` is reached.
 */
export class StateCoverage {
  private readonly reached = new Map<number, number>()
  private readonly waiting: { from: Map<number, number>; to: Map<number, number> }[] = []

  constructor(private readonly target: ReadonlyMap<number, number>) {}

  add(update: Uint8Array): void {
    this.waiting.push(Y.parseUpdateMeta(update))
    let joined = true
    while (joined) {
      joined = false
      for (let index = this.waiting.length - 1; index >= 0; index -= 1) {
        const meta = this.waiting[index]
        if (meta === undefined || !this.joins(meta.from)) continue
        for (const [client, end] of meta.to) this.reached.set(client, Math.max(this.reached.get(client) ?? 0, end))
        this.waiting.splice(index, 1)
        joined = true
      }
    }
  }

  get complete(): boolean {
    for (const [client, clock] of this.target) if ((this.reached.get(client) ?? 0) < clock) return false
    return true
  }

  private joins(from: Map<number, number>): boolean {
    for (const [client, start] of from) if (start > (this.reached.get(client) ?? 0)) return false
    return true
  }
}
