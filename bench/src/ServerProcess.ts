import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { CpuPinning } from './CpuPinning.js'
import { findFreePort } from './findFreePort.js'

const OUTPUT_TAIL_LINES = 40
const READY_TIMEOUT_MS = 20_000

export interface ServerProcessOptions {
  /** Path of the built server's `dist/main.js`. */
  readonly mainPath: string
  readonly adminToken: string
  readonly pinning: CpuPinning
}

/**
 * The real server as a child process: built `apps/server/dist/main.js` on a free port with a fresh data
 * directory, pinned to core 1 when possible. Keeps the tail of its output for the report if it dies.
 */
export class ServerProcess {
  /** Exit code or signal, once the process has exited. */
  exit: string | null = null
  private child: ChildProcess | null = null
  private stopping = false
  private readonly output: string[] = []
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'rapporteur-bench-'))
  private port = 0

  constructor(private readonly options: ServerProcessOptions) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}`
  }

  /** True when the server exited without being asked to. */
  get died(): boolean {
    return this.exit !== null && !this.stopping
  }

  get outputTail(): string {
    return this.output.join('\n')
  }

  async start(): Promise<void> {
    this.port = await findFreePort()
    const { command, args } = this.options.pinning.serverCommand(process.execPath, [this.options.mainPath])
    const child = spawn(command, args, {
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        ADMIN_TOKEN: this.options.adminToken,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.child = child
    const keep = (chunk: Buffer): void => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line.trim() === '') continue
        this.output.push(line)
        if (this.output.length > OUTPUT_TAIL_LINES) this.output.shift()
      }
    }
    child.stdout?.on('data', keep)
    child.stderr?.on('data', keep)
    child.on('exit', (code, signal) => {
      this.exit = signal === null ? `exit code ${code}` : `signal ${signal}`
    })
    await this.waitUntilHealthy()
  }

  /** SIGTERM (graceful close), SIGKILL after 5 s; removes the data directory. */
  async stop(): Promise<void> {
    this.stopping = true
    const child = this.child
    if (child !== null && this.exit === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
      child.kill('SIGTERM')
      const killTimer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      await exited
      clearTimeout(killTimer)
    }
    rmSync(this.dataDir, { recursive: true, force: true })
  }

  private async waitUntilHealthy(): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS
    while (Date.now() < deadline) {
      if (this.exit !== null) throw new Error(`server exited while starting (${this.exit}):\n${this.outputTail}`)
      try {
        const response = await fetch(`${this.url}/healthz`)
        if (response.ok) return
      } catch {
        // not listening yet
      }
      await sleep(100)
    }
    throw new Error(`server not healthy within ${READY_TIMEOUT_MS} ms:\n${this.outputTail}`)
  }
}
