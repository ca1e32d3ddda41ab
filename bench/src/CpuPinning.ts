import { execFileSync } from 'node:child_process'
import { availableParallelism } from 'node:os'

/**
 * Whether `taskset` can pin processes here: it must exist and the machine must have at least two cores (the
 * server gets core 1, the load generator core 0, so they never compete).
 */
export class CpuPinning {
  readonly available: boolean
  readonly note: string

  constructor() {
    const cores = availableParallelism()
    let tasksetWorks = false
    try {
      execFileSync('taskset', ['-p', String(process.pid)], { stdio: 'ignore' })
      tasksetWorks = true
    } catch {
      tasksetWorks = false
    }
    this.available = tasksetWorks && cores >= 2
    this.note = this.available
      ? 'server pinned to core 1, generator to core 0 (taskset)'
      : `NOT pinned (${tasksetWorks ? `only ${cores} core` : 'taskset not available'}): server and generator share cores`
  }

  /** Pins this process (all its threads) to core 0. */
  pinSelf(): void {
    if (!this.available) return
    execFileSync('taskset', ['-a', '-c', '-p', '0', String(process.pid)], { stdio: 'ignore' })
  }

  /** The command and arguments that run `command args` pinned to core 1 (or unpinned). */
  serverCommand(command: string, args: readonly string[]): { command: string; args: string[] } {
    return this.available ? { command: 'taskset', args: ['-c', '1', command, ...args] } : { command, args: [...args] }
  }
}
