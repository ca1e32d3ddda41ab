import type { RunMode } from './scenarios/Scenario.js'

export interface BenchArguments {
  readonly mode: RunMode
  /** Scenario ids of `--only S1,S3` (empty: all). */
  readonly only: readonly string[]
  /** Server names of `--servers rapporteur,hocuspocus` (empty: all three; for profiling one server). */
  readonly servers: readonly string[]
  /** `--json <file>`: also write every cell's result there. */
  readonly jsonPath: string | null
  /** `--chair-feed`: run the chair-feed benchmark of issue 4 instead. */
  readonly chairFeed: boolean
  /**
   * `--repeat 3`: run each scenario this many times, its servers taking turns within each repetition; the table
   * shows each figure's median over the repetitions (default 1).
   */
  readonly repeat: number
}

/** The most repetitions `--repeat` accepts (a full run of all scenarios takes ~10 min each). */
export const MAX_REPEAT = 9

/** `bench [--short] [--only S1,S2] [--servers rapporteur] [--repeat 3] [--json file] | bench --chair-feed [--short]`. */
export function readBenchArguments(argv: readonly string[]): BenchArguments {
  let mode: RunMode = 'full'
  let only: string[] = []
  let servers: string[] = []
  let jsonPath: string | null = null
  let chairFeed = false
  let repeat = 1
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]
    if (arg === '--short') mode = 'short'
    else if (arg === '--chair-feed') chairFeed = true
    else if (arg === '--repeat') {
      repeat = readRepeat(argv[index + 1])
      index += 1
    } else if (arg === '--only' || arg === '--servers' || arg === '--json') {
      const value = argv[index + 1]
      if (value === undefined || value.startsWith('--')) throw new Error(`${arg} needs a value`)
      index += 1
      const list = value.split(',').map((id) => id.trim()).filter((id) => id !== '')
      if (arg === '--only') only = list
      else if (arg === '--servers') servers = list
      else jsonPath = value
    } else throw new Error(`unknown argument ${arg} (use --short, --only S1,S2, --servers rapporteur, --repeat 3, --json <file>, --chair-feed)`)
  }
  return { mode, only, servers, jsonPath, chairFeed, repeat }
}

function readRepeat(value: string | undefined): number {
  const repeat = Number(value)
  if (value === undefined || !Number.isInteger(repeat) || repeat < 1 || repeat > MAX_REPEAT) {
    throw new Error(`--repeat needs a whole number from 1 to ${MAX_REPEAT}, not ${value ?? 'nothing'}`)
  }
  return repeat
}
