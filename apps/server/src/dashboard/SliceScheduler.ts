/** Work that runs in slices: steps until it ends or `deadline` (`performance.now()`) passes, at least one step. */
export interface SlicedTask {
  /** True once the work has ended (a result, or a failure). */
  runUntil(deadline: number): boolean
}

/**
 * Gives background computations (report progress) a bounded share of the event loop: on each turn
 * (`setImmediate`) the waiting tasks run one after another until the turn's budget is spent, then the loop goes on
 * to sockets and timers. Two hundred reports whose debounce timers fire together then cost a few milliseconds per
 * turn, not one long stall; nothing runs in the caller's turn.
 */
export class SliceScheduler {
  private readonly queue: SlicedTask[] = []
  private scheduled = false

  /** `budgetMs`: how long one turn's slices may run together (at least one step runs per turn). */
  constructor(private readonly budgetMs: number) {}

  add(task: SlicedTask): void {
    this.queue.push(task)
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(this.turn)
  }

  remove(task: SlicedTask): void {
    const index = this.queue.indexOf(task)
    if (index >= 0) this.queue.splice(index, 1)
  }

  private readonly turn = (): void => {
    this.scheduled = false
    const deadline = performance.now() + this.budgetMs
    do {
      const task = this.queue.shift()
      if (task === undefined) break
      if (!task.runUntil(deadline)) this.queue.push(task)
    } while (performance.now() < deadline)
    if (this.queue.length > 0 && !this.scheduled) {
      this.scheduled = true
      setImmediate(this.turn)
    }
  }
}
