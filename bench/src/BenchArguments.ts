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
}

/** `bench [--short] [--only S1,S2] [--servers rapporteur] [--json file] | bench --chair-feed [--short]`. */
export function readBenchArguments(argv: readonly string[]): BenchArguments {
  let mode: RunMode = 'full'
  let only: string[] = []
  let servers: string[] = []
  let jsonPath: string | null = null
  let chairFeed = false
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]
    if (arg === '--short') mode = 'short'
    else if (arg === '--chair-feed') chairFeed = true
    else if (arg === '--only' || arg === '--servers' || arg === '--json') {
      const value = argv[index + 1]
      if (value === undefined || value.startsWith('--')) throw new Error(`${arg} needs a value`)
      index += 1
      const list = value.split(',').map((id) => id.trim()).filter((id) => id !== '')
      if (arg === '--only') only = list
      else if (arg === '--servers') servers = list
      else jsonPath = value
    } else throw new Error(`unknown argument ${arg} (use --short, --only S1,S2, --servers rapporteur, --json <file>, --chair-feed)`)
  }
  return { mode, only, servers, jsonPath, chairFeed }
}
