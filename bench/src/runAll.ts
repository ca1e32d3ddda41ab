import { performance } from 'node:perf_hooks'
import type { CpuPinning } from './CpuPinning.js'
import { memoryIdle } from './scenarios/memoryIdle.js'
import { s1Ramp } from './scenarios/s1Ramp.js'
import { s1Typing } from './scenarios/s1Typing.js'
import { s2ManyReports } from './scenarios/s2ManyReports.js'
import { s3LargeOpen } from './scenarios/s3LargeOpen.js'
import { s4ConnectStorm } from './scenarios/s4ConnectStorm.js'
import type { RunMode, Scenario, ScenarioResult } from './scenarios/Scenario.js'
import { allServers } from './servers/allServers.js'
import type { ServerUnderTest } from './servers/ServerUnderTest.js'
import type { CellResult } from './table/CellResult.js'

/** Every scenario of issue 7, in table order. */
export const SCENARIOS: readonly Scenario[] = [s1Typing, s1Ramp, s2ManyReports, s3LargeOpen, s4ConnectStorm, memoryIdle]

/** A cell that takes longer than this is stopped and FAILED (its server is stopped under it). */
const CELL_TIMEOUT_MS: Record<RunMode, number> = { short: 60_000, full: 300_000 }

export interface RunAllOptions {
  readonly mode: RunMode
  /** Scenario ids to run (`--only S1,S3`); all when empty. */
  readonly only: readonly string[]
  /** Server names to run (`--servers rapporteur`); all three when empty. */
  readonly servers?: readonly string[]
  /** Runs of each scenario (`--repeat`); default 1. */
  readonly repeat?: number
  readonly pinning: CpuPinning
  readonly progress: (line: string) => void
}

/** The scenarios `only` selects (case-insensitive ids); throws on an id no scenario has. */
export function selectScenarios(only: readonly string[]): Scenario[] {
  if (only.length === 0) return [...SCENARIOS]
  const wanted = only.map((id) => id.toLowerCase())
  const unknown = wanted.filter((id) => !SCENARIOS.some((scenario) => scenario.id.toLowerCase() === id))
  if (unknown.length > 0) {
    throw new Error(`unknown scenario ${unknown.join(', ')} (known: ${SCENARIOS.map((scenario) => scenario.id).join(', ')})`)
  }
  return SCENARIOS.filter((scenario) => wanted.includes(scenario.id.toLowerCase()))
}

/** The servers `names` selects; throws on a name no server has. */
function selectServers(servers: ServerUnderTest[], names: readonly string[]): ServerUnderTest[] {
  if (names.length === 0) return servers
  const unknown = names.filter((name) => !servers.some((server) => server.name === name))
  if (unknown.length > 0) {
    throw new Error(`unknown server ${unknown.join(', ')} (known: ${servers.map((server) => server.name).join(', ')})`)
  }
  return servers.filter((server) => names.includes(server.name))
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0] ?? error.name : String(error)
}

async function runWithTimeout(run: () => Promise<ScenarioResult>, timeoutMs: number): Promise<ScenarioResult> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<ScenarioResult>((resolve) => {
    timer = setTimeout(() => resolve({ metrics: {}, failed: `timed out after ${timeoutMs / 1000} s` }), timeoutMs)
  })
  try {
    return await Promise.race([run(), timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** Starts `serverUnderTest` fresh, runs `scenario` on it and stops it; never throws (a failure is the cell's). */
async function runCell(scenario: Scenario, serverUnderTest: ServerUnderTest, options: RunAllOptions): Promise<ScenarioResult> {
  try {
    const server = await serverUnderTest.start()
    let result: ScenarioResult
    try {
      result = await runWithTimeout(() => scenario.run(server, options.mode), CELL_TIMEOUT_MS[options.mode])
    } catch (error) {
      result = { metrics: {}, failed: describeError(error) }
    }
    if (server.died && result.failed === null) result = { ...result, failed: 'the server died' }
    await server.stop()
    return result
  } catch (error) {
    options.progress(`${serverUnderTest.name} did not start: ${error instanceof Error ? error.message : String(error)}`)
    return { metrics: {}, failed: `server: ${describeError(error)}` }
  }
}

/**
 * For each scenario, `repeat` times (default once), for each server (Rapporteur, y-websocket-server,
 * Hocuspocus): start it fresh, run the scenario, stop it. The servers take turns within each repetition, so a
 * noisy minute of the machine falls on all of them alike. A throw, a timeout or a server that died makes the
 * cell FAILED; the run goes on.
 */
export async function runAll(options: RunAllOptions): Promise<{ scenarios: Scenario[]; cells: CellResult[] }> {
  const scenarios = selectScenarios(options.only)
  const servers = selectServers(allServers(options.pinning), options.servers ?? [])
  const repeat = options.repeat ?? 1
  const cells: CellResult[] = []
  for (const scenario of scenarios) {
    for (let repetition = 1; repetition <= repeat; repetition += 1) {
      const of = repeat > 1 ? ` (${repetition}/${repeat})` : ''
      for (const serverUnderTest of servers) {
        const started = performance.now()
        options.progress(`${scenario.id} on ${serverUnderTest.name}${of}…`)
        const result = await runCell(scenario, serverUnderTest, options)
        const seconds = (performance.now() - started) / 1000
        const outcome = result.failed === null ? 'ok' : `FAILED (${result.failed})`
        options.progress(`${scenario.id} on ${serverUnderTest.name}${of}: ${outcome} in ${seconds.toFixed(1)} s`)
        cells.push({ scenario: scenario.id, server: serverUnderTest.name, result, seconds, repetition })
      }
    }
  }
  return { scenarios, cells }
}
