import { fileURLToPath } from 'node:url'
import { readBenchOptions } from './BenchOptions.js'
import type { CpuPinning } from './CpuPinning.js'
import { formatReport } from './formatReport.js'
import { judgeBench } from './judgeBench.js'
import { runBench } from './runBench.js'

const serverMainPath = fileURLToPath(new URL('../../apps/server/dist/main.js', import.meta.url))

/** The chair-feed benchmark of issue 4 (`bench --chair-feed [--short]`); returns the exit code. */
export async function chairFeedMain(argv: readonly string[], pinning: CpuPinning): Promise<number> {
  const options = readBenchOptions(argv, process.env)
  const result = await runBench({
    options,
    serverMainPath,
    pinning,
    progress: (line) => void process.stderr.write(`bench: ${line}\n`),
  })
  process.stdout.write(formatReport(result))
  return judgeBench(result).every((check) => check.pass) ? 0 : 1
}
