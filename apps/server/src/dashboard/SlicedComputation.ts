import { SliceScheduler, type SlicedTask } from './SliceScheduler.js'

export interface SlicedComputationOptions<T> {
  /**
   * Where the slices run, shared with other computations (one turn's slices together stay within its budget).
   * Default: a scheduler of its own with a budget of `sliceMs`.
   */
  readonly scheduler?: SliceScheduler
  /** Without `scheduler`: how long one slice may step before handing the event loop back (default 2 ms). */
  readonly sliceMs?: number
  /** Called once with the result and the time all the slices took together, in nanoseconds. */
  readonly done: (result: T, nanoseconds: bigint) => void
  /** Called once if a step threw, with the time the slices took until then. */
  readonly failed: (error: unknown, nanoseconds: bigint) => void
}

type State = 'new' | 'running' | 'ended'

/**
 * Runs a generator in slices on a `SliceScheduler`: from `start()` on, each turn the scheduler gives it steps it
 * until the turn's budget is spent, and it goes on at the next. It can be finished at once (`finishNow()`, the
 * rest in one go) or cancelled (`cancel()`, no callback).
 */
export class SlicedComputation<T> implements SlicedTask {
  private readonly steps: Generator<void, T, void>
  private readonly options: SlicedComputationOptions<T>
  private readonly scheduler: SliceScheduler
  private state: State = 'new'
  private nanoseconds = 0n
  private sliceCount = 0

  constructor(steps: Generator<void, T, void>, options: SlicedComputationOptions<T>) {
    this.steps = steps
    this.options = options
    this.scheduler = options.scheduler ?? new SliceScheduler(options.sliceMs ?? 2)
  }

  /** True from `start()` until the result is given, a step throws, or it is cancelled. */
  get running(): boolean {
    return this.state === 'running'
  }

  /** How many slices have run so far. */
  get slices(): number {
    return this.sliceCount
  }

  /** Hands it to its scheduler: the first slice runs on a later turn. */
  start(): void {
    if (this.state !== 'new') return
    this.state = 'running'
    this.scheduler.add(this)
  }

  /** Runs every step left now, synchronously (`done` or `failed` is called before it returns). */
  finishNow(): void {
    if (this.state === 'new') this.state = 'running'
    if (this.state !== 'running') return
    this.scheduler.remove(this)
    this.runUntil(Infinity)
  }

  /** Stops without a result: no step runs any more and no callback is called. */
  cancel(): void {
    if (this.state === 'ended') return
    this.state = 'ended'
    this.scheduler.remove(this)
    this.steps.return(undefined as T)
  }

  /** One slice (called by the scheduler): steps until it ends or `deadline`, at least once. True once it ended. */
  runUntil(deadline: number): boolean {
    if (this.state !== 'running') return true
    const start = process.hrtime.bigint()
    this.sliceCount += 1
    let result: IteratorResult<void, T>
    try {
      do result = this.steps.next()
      while (result.done !== true && performance.now() < deadline)
    } catch (error) {
      this.state = 'ended'
      this.nanoseconds += process.hrtime.bigint() - start
      this.options.failed(error, this.nanoseconds)
      return true
    }
    this.nanoseconds += process.hrtime.bigint() - start
    if (result.done !== true) return false
    this.state = 'ended'
    this.options.done(result.value, this.nanoseconds)
    return true
  }
}
