import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { SCENARIOS } from '../runAll.js'
import { SERVER_NAMES } from '../servers/ServerUnderTest.js'
import type { CellResult } from '../table/CellResult.js'

const mainPath = fileURLToPath(new URL('../../dist/main.js', import.meta.url))
const outputDir = mkdtempSync(join(tmpdir(), 'bench-short-'))

/** Runs the built bench in short mode as a child process (as CI does); resolves with its exit code and JSON. */
function runShortBench(): Promise<{ code: number | null; output: string; cells: CellResult[] }> {
  const jsonPath = join(outputDir, 'cells.json')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [mainPath, '--short', '--json', jsonPath], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('exit', (code) => {
      try {
        const parsed = JSON.parse(readFileSync(jsonPath, 'utf8')) as { cells: CellResult[] }
        resolve({ code, output, cells: parsed.cells })
      } catch (error) {
        reject(new Error(`no results (exit ${code}):\n${output}`, { cause: error }))
      }
    })
  })
}

afterAll(() => rmSync(outputDir, { recursive: true, force: true }))

describe('bench --short', () => {
  it('runs every scenario on every server, each cell with its metrics and none FAILED', async () => {
    const { code, output, cells } = await runShortBench()
    const failures = cells.filter((cell) => cell.result.failed !== null)
    expect(failures.map((cell) => `${cell.scenario} on ${cell.server}: ${cell.result.failed}`)).toEqual([])
    expect(code, output).toBe(0)
    for (const scenario of SCENARIOS) {
      const row = SERVER_NAMES.map((server) => cells.find((cell) => cell.scenario === scenario.id && cell.server === server))
      expect(row.every((cell) => cell !== undefined), `${scenario.id} ran on every server`).toBe(true)
      const names = row.map((cell) => Object.keys(cell?.result.metrics ?? {}).sort())
      expect(names[0]?.length, `${scenario.id} has metrics`).toBeGreaterThan(0)
      expect(names[1], `${scenario.id}: same metrics on every server`).toEqual(names[0])
      expect(names[2], `${scenario.id}: same metrics on every server`).toEqual(names[0])
      for (const target of scenario.targets) expect(names[0], `${scenario.id} measures ${target.metric}`).toContain(target.metric)
    }
    expect(output).toContain('ratio')
  }, 180_000)
})
