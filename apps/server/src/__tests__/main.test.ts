import { execFileSync, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from './ServerProcess.js'
import { createTempDir } from './testServer.js'

const packageDir = fileURLToPath(new URL('../../', import.meta.url))
const mainFile = path.join(packageDir, 'dist', 'main.js')

interface Exit {
  code: number | null
  stdout: string
  stderr: string
}

function runMain(env: Record<string, string>): { child: ChildProcess; exit: Promise<Exit> } {
  const child = spawn(process.execPath, [mainFile], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exit = new Promise<Exit>((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })))
  return { child, exit }
}

/** Resolves with the first log entry with this message. */
async function logEntry(child: ChildProcess, message: string): Promise<Record<string, unknown>> {
  let buffered = ''
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`main exited with ${code} before logging "${message}"`)))
    child.stdout?.on('data', (chunk: string) => {
      buffered += chunk
      for (const line of buffered.split('\n').slice(0, -1)) {
        // The organizer's sign-in link is a plain line, not a log entry.
        if (!line.startsWith('{')) continue
        const entry = JSON.parse(line) as Record<string, unknown>
        if (entry.message === message) resolve(entry)
      }
    })
  })
}

describe('main (dist/main.js)', () => {
  const temp = createTempDir('rapporteur-main-')
  let running: ChildProcess | undefined

  beforeAll(() => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: packageDir, stdio: 'pipe' })
  }, 120_000)

  afterAll(() => {
    temp.remove()
  })

  afterEach(() => {
    if (running?.exitCode === null) running.kill('SIGKILL')
    running = undefined
  })

  it('serves on the configured port, prints the sign-in link once, logs JSON lines, and exits 0 on SIGTERM', async () => {
    const port = await freePort()
    const run = runMain({ PORT: String(port), DATA_DIR: temp.dir, WEB_DIST: path.join(temp.dir, 'web') })
    running = run.child
    const listening = await logEntry(run.child, 'listening')
    expect(listening).toMatchObject({ level: 'info', url: `http://127.0.0.1:${port}` })

    const health = await fetch(`http://127.0.0.1:${port}/healthz`)
    expect(await health.json()).toEqual({ status: 'ok' })

    run.child.kill('SIGTERM')
    const exit = await run.exit
    expect(exit.code).toBe(0)
    const token = readFileSync(path.join(temp.dir, 'admin-token'), 'utf8').trim()
    const lines = exit.stdout.trim().split('\n')
    const link = `Organizer sign-in link (shown once; keep it secret): http://127.0.0.1:${port}/invite#${token}`
    expect(lines.filter((line) => !line.startsWith('{'))).toEqual([link])
    const logLines = lines.filter((line) => line !== link)
    for (const line of logLines) expect(() => JSON.parse(line) as unknown).not.toThrow()
    expect(logLines.join('\n')).not.toContain(token)
    expect(logLines.map((line) => (JSON.parse(line) as { message: string }).message)).toContain('stopped')
  }, 30_000)

  it('exits 0 on SIGINT too, and does not print the sign-in link again', async () => {
    const port = await freePort()
    const run = runMain({ PORT: String(port), DATA_DIR: temp.dir, WEB_DIST: path.join(temp.dir, 'web') })
    running = run.child
    await logEntry(run.child, 'listening')
    run.child.kill('SIGINT')
    const exit = await run.exit
    expect(exit.code).toBe(0)
    expect(exit.stdout).not.toContain('sign-in link')
  }, 30_000)

  it('exits 1 with a message naming ADMIN_TOKEN when it is too short, without repeating it', async () => {
    const run = runMain({ ADMIN_TOKEN: 'short-secret', DATA_DIR: temp.dir })
    running = run.child
    const exit = await run.exit
    expect(exit.code).toBe(1)
    expect(exit.stderr).toContain('ADMIN_TOKEN must be 24 to 512 characters long, got 12')
    expect(exit.stderr).not.toContain('short-secret')
  }, 30_000)

  it('exits 1 with a message naming PORT when PORT is invalid', async () => {
    const run = runMain({ PORT: 'abc', DATA_DIR: temp.dir })
    running = run.child
    const exit = await run.exit
    expect(exit.code).toBe(1)
    expect(exit.stderr).toContain('PORT must be an integer from 0 to 65535, got "abc"')
    expect(exit.stdout).toBe('')
  }, 30_000)
})
