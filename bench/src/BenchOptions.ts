export interface BenchOptions {
  readonly seconds: number
  readonly roundtables: number
  readonly rapporteursPerRoundtable: number
  readonly charactersPerSecond: number
}

const DEFAULT_SECONDS = 30
const SHORT_SECONDS = 5

/**
 * Options from the command line and environment: `--short` runs 5 s (CI smoke), else `BENCH_SECONDS` or 30 s.
 * The scenario itself is fixed by the issue: 20 roundtables × 5 rapporteurs × 5 characters a second.
 */
export function readBenchOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const unknown = argv.filter((arg) => arg !== '--short')
  if (unknown.length > 0) throw new Error(`unknown argument ${unknown[0]} (only --short is accepted)`)
  let seconds = DEFAULT_SECONDS
  if (argv.includes('--short')) seconds = SHORT_SECONDS
  else if (env.BENCH_SECONDS !== undefined && env.BENCH_SECONDS.trim() !== '') {
    seconds = Number(env.BENCH_SECONDS)
    if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 3600) {
      throw new Error(`BENCH_SECONDS must be a number of seconds from 1 to 3600, got "${env.BENCH_SECONDS}"`)
    }
  }
  return { seconds, roundtables: 20, rapporteursPerRoundtable: 5, charactersPerSecond: 5 }
}
