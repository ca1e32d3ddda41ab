export interface SlicedComputationOptions<T> {
  /** How long one slice may step before handing the event loop back (default 2 ms, checked between steps). */
  readonly sliceMs?: number
  /** Called once with the result and the time all the slices took together, in nanoseconds. */
  readonly done: (result: T, nanoseconds: bigint) => void
  /** Called once if a step threw, with the time the slices took until then. */
  readonly failed: (error: unknown, nanoseconds: bigint) => void
}

type State = 'new' | 'running' | 'ended'

/**
 * Runs a generator in slices: steps it until `sliceMs` has passed (`performance.now()`), then lets the event
 * loop run (`setImmediate`) and goes on. The first slice runs in `start()`, so a small computation ends there.
 * It can be finished at once (`finishNow()`, the rest in one go) or cancelled (`cancel()`, no callback).
 */
export class SlicedComputation<T> {
  private readonly steps: Generator<void, T, void>
  private readonly options: SlicedComputationOptions<T>
  private state: State = 'new'
  private immediate: ReturnType<typeof setImmediate> | undefined
  private nanoseconds = 0n
  private sliceCount = 0

  constructor(steps: Generator<void, T, void>, options: SlicedComputationOptions<T>) {
    this.steps = steps
    this.options = options
  }

  /** True from `start()` until the result is given, a step throws, or it is cancelled. */
  get running(): boolean {
    return this.state === 'running'
  }

  /** How many slices have run so far. */
  get slices(): number {
    return this.sliceCount
  }

  start(): void {
    if (this.state !== 'new') return
    this.state = 'running'
    this.runSlice(this.options.sliceMs ?? 2)
  }

  /** Runs every step left now, synchronously (`done` or `failed` is called before it returns). */
  finishNow(): void {
    if (this.state === 'new') this.state = 'running'
    if (this.state !== 'running') return
    this.clearImmediate()
    this.runSlice(Infinity)
  }

  /** Stops without a result: no step runs any more and no callback is called. */
  cancel(): void {
    if (this.state === 'ended') return
    this.state = 'ended'
    this.clearImmediate()
    this.steps.return(undefined as T)
  }

  private runSlice(sliceMs: number): void {
    this.immediate = undefined
    const startedAt = performance.now()
    const start = process.hrtime.bigint()
    this.sliceCount += 1
    let result: IteratorResult<void, T>
    try {
      do result = this.steps.next()
      while (result.done !== true && performance.now() - startedAt < sliceMs)
    } catch (error) {
      this.state = 'ended'
      this.nanoseconds += process.hrtime.bigint() - start
      this.options.failed(error, this.nanoseconds)
      return
    }
    this.nanoseconds += process.hrtime.bigint() - start
    if (result.done === true) {
      this.state = 'ended'
      this.options.done(result.value, this.nanoseconds)
      return
    }
    this.immediate = setImmediate(() => this.runSlice(sliceMs))
  }

  private clearImmediate(): void {
    if (this.immediate === undefined) return
    clearImmediate(this.immediate)
    this.immediate = undefined
  }
}
