import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import type { CpuPinning } from '../CpuPinning.js'

const OUTPUT_TAIL_LINES = 40
const READY_TIMEOUT_MS = 30_000
const KILL_AFTER_MS = 10_000

export interface ChildServerOptions {
  /** Prefix of the temporary data directory. */
  readonly label: string
  /** Node script to run (a built `.js`). */
  readonly scriptPath: string
  readonly pinning: CpuPinning
  /** Extra environment besides PORT, HOST and DATA_DIR. */
  readonly env: Record<string, string>
  /** Path answering 200 once the server is ready (`/healthz`, `/stats`). */
  readonly readyPath: string
  /** Node flags the server is started with (before BENCH_SERVER_NODE_ARGS). Default: none. */
  readonly nodeFlags?: readonly string[]
}

/**
 * A server as a child node process pinned to the server core, on a fixed port and a data directory that
 * survive `restart()`. Keeps the tail of its output for the report if it dies.
 */
export class ChildServer {
  private child: ChildProcess | null = null
  private exit: string | null = null
  private stopping = false
  private readonly output: string[] = []
  readonly dataDir: string

  constructor(
    private readonly options: ChildServerOptions,
    readonly port: number,
  ) {
    this.dataDir = mkdtempSync(join(tmpdir(), `${options.label}-bench-`))
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  get pid(): number {
    return this.child?.pid ?? 0
  }

  get died(): boolean {
    return this.exit !== null && !this.stopping
  }

  get outputTail(): string {
    return this.output.join('\n')
  }

  async start(): Promise<void> {
    this.stopping = false
    this.exit = null
    // BENCH_SERVER_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) goes to every server's node, for profiling.
    const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '')
    const { command, args } = this.options.pinning.serverCommand(process.execPath, [
      ...(this.options.nodeFlags ?? []),
      ...nodeArgs,
      this.options.scriptPath,
    ])
    const child = spawn(command, args, {
      env: { ...process.env, ...this.options.env, PORT: String(this.port), HOST: '127.0.0.1', DATA_DIR: this.dataDir },
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
    await this.waitUntilReady()
  }

  /** SIGTERM (the server stores what it holds), SIGKILL after 10 s. Keeps the data directory. */
  async terminate(): Promise<void> {
    this.stopping = true
    const child = this.child
    if (child === null || this.exit !== null) return
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    child.kill('SIGTERM')
    const killTimer = setTimeout(() => child.kill('SIGKILL'), KILL_AFTER_MS)
    await exited
    clearTimeout(killTimer)
  }

  async restart(): Promise<void> {
    await this.terminate()
    await this.start()
  }

  async stop(): Promise<void> {
    await this.terminate()
    rmSync(this.dataDir, { recursive: true, force: true })
  }

  private async waitUntilReady(): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS
    while (Date.now() < deadline) {
      if (this.exit !== null) throw new Error(`${this.options.label} exited while starting (${this.exit}):\n${this.outputTail}`)
      try {
        const response = await fetch(`${this.url}${this.options.readyPath}`)
        await response.arrayBuffer()
        if (response.ok) return
      } catch {
        // not listening yet
      }
      await sleep(50)
    }
    throw new Error(`${this.options.label} not ready within ${READY_TIMEOUT_MS} ms:\n${this.outputTail}`)
  }
}
