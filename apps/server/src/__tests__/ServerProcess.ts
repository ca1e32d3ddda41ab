import { execFileSync, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { createServer as createNetServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const packageDir = fileURLToPath(new URL('../../', import.meta.url))

/**
 * Compiles the server (as `pnpm build` does) into its own directory under node_modules/.cache, so test files
 * running at once never read a half-written `dist/`. Returns the path of its `main.js`.
 */
export function buildServerMain(name: string): string {
  const outDir = path.join(packageDir, 'node_modules', '.cache', `rapporteur-${name}-dist`)
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir], {
    cwd: packageDir,
    stdio: 'pipe',
  })
  return path.join(outDir, 'main.js')
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

export interface ServerExit {
  code: number | null
  signal: NodeJS.Signals | null
  output: string
}

/** The real server (`node main.js`) as a child process, with its environment and output. */
export class ServerProcess {
  readonly child: ChildProcess
  readonly exited: Promise<ServerExit>
  readonly url: string
  output = ''

  constructor(mainFile: string, env: { PORT: number; DATA_DIR: string; ADMIN_TOKEN: string }) {
    this.url = `http://127.0.0.1:${env.PORT}`
    this.child = spawn(process.execPath, [mainFile], {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(env.PORT),
        HOST: '127.0.0.1',
        DATA_DIR: env.DATA_DIR,
        ADMIN_TOKEN: env.ADMIN_TOKEN,
        WEB_DIST: path.join(env.DATA_DIR, 'no-web-build'),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    this.child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk))
    this.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.output += chunk))
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => resolve({ code, signal, output: this.output })),
    )
  }

  /** Resolves once `/healthz` answers ok; rejects if the process exits first or after 15 s. */
  async ready(): Promise<void> {
    const deadline = Date.now() + 15_000
    let exited = false
    void this.exited.then(() => (exited = true))
    while (Date.now() < deadline) {
      if (exited) throw new Error(`The server exited while starting:\n${this.output}`)
      try {
        const response = await fetch(`${this.url}/healthz`)
        if (response.ok) return
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    throw new Error(`The server did not become ready:\n${this.output}`)
  }

  /** Sends `signal` and resolves with how the process ended. */
  stop(signal: NodeJS.Signals): Promise<ServerExit> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal)
    return this.exited
  }
}
