import type { Logger } from '@rapporteur/collab'
import type { ReportState } from './computeReportState.js'
import { SlicedComputation } from './SlicedComputation.js'
import { SliceScheduler } from './SliceScheduler.js'

/** One progress computation to run: its steps, and what to do with the state they give. */
export interface ProgressRun {
  readonly steps: Generator<void, ReportState, void>
  /** Called with the state once every step has run (after `measured`). */
  readonly commit: (state: ReportState) => void
}

export interface OpenReportProgressOptions {
  /** How long the slices of all reports may run together per event-loop turn (default 2 ms; 0: one step). */
  readonly sliceMs?: number
  readonly logger: Logger
  /** What to compute for the roundtable now (read when a run starts), or undefined when there is nothing to. */
  readonly begin: (id: string) => ProgressRun | undefined
  /** Told the CPU time of every run that ended, finished or failed, in nanoseconds. */
  readonly measured: (nanoseconds: bigint) => void
}

/** The progress computation of one open report, run in slices. */
interface RunningProgress {
  readonly computation: SlicedComputation<ReportState>
  /** Asked again while it ran: compute once more as soon as it ends. */
  again: boolean
  /** Called once it has ended (its state committed, or it failed). */
  readonly settled: Array<() => void>
}

/**
 * Runs the progress computations of open reports in slices (`SlicedComputation`), one at a time per roundtable:
 * asked while one runs, the next starts as soon as it ends. A running computation can be finished synchronously
 * (`finish`, `finishAll`), and waited for (`whenSettled`).
 */
export class OpenReportProgress {
  private readonly options: OpenReportProgressOptions
  /** Computations running now, by roundtable id. */
  private readonly running = new Map<string, RunningProgress>()
  /** Every report's slices share it: together they take at most `sliceMs` of each event-loop turn. */
  private readonly scheduler: SliceScheduler

  constructor(options: OpenReportProgressOptions) {
    this.options = options
    this.scheduler = new SliceScheduler(options.sliceMs ?? 2)
  }

  /** True while a computation of the roundtable runs. */
  isRunning(id: string): boolean {
    return this.running.has(id)
  }

  /** Starts computing the roundtable's progress in slices, or asks the running computation for one more run. */
  compute(id: string): void {
    const running = this.running.get(id)
    if (running !== undefined) {
      running.again = true
      return
    }
    const run = this.options.begin(id)
    if (run === undefined) return
    const ended = (nanoseconds: bigint): void => {
      this.options.measured(nanoseconds)
      this.running.delete(id)
    }
    const settle = (): void => {
      for (const settled of entry.settled) settled()
      if (entry.again) this.compute(id)
    }
    const entry: RunningProgress = {
      again: false,
      settled: [],
      computation: new SlicedComputation(run.steps, {
        scheduler: this.scheduler,
        done: (state, nanoseconds) => {
          ended(nanoseconds)
          run.commit(state)
          settle()
        },
        failed: (error, nanoseconds) => {
          ended(nanoseconds)
          this.options.logger.error('Could not compute a report progress', { roundtableId: id, error })
          settle()
        },
      }),
    }
    this.running.set(id, entry)
    entry.computation.start()
  }

  /** Runs what is left of the roundtable's computation now, and the one it asked for after it. */
  finish(id: string): void {
    for (let entry = this.running.get(id); entry?.computation.running === true; entry = this.running.get(id)) {
      entry.computation.finishNow()
    }
  }

  /** Finishes every running computation now. */
  finishAll(): void {
    for (const id of [...this.running.keys()]) this.finish(id)
  }

  /** Calls `settled` once the roundtable's running computation has ended; nothing if none runs. */
  whenSettled(id: string, settled: () => void): void {
    this.running.get(id)?.settled.push(settled)
  }
}
