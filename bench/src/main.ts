import { fileURLToPath } from 'node:url'
import { readBenchOptions } from './BenchOptions.js'
import { CpuPinning } from './CpuPinning.js'
import { formatReport } from './formatReport.js'
import { judgeBench } from './judgeBench.js'
import { runBench } from './runBench.js'

// `pnpm bench` (from the root: builds everything first) or `node bench/dist/main.js [--short]`.
// Prints progress lines on stderr and the report on stdout; exit 1 when any check failed or the run broke.

const serverMainPath = fileURLToPath(new URL('../../apps/server/dist/main.js', import.meta.url))

try {
  const options = readBenchOptions(process.argv.slice(2), process.env)
  const pinning = new CpuPinning()
  pinning.pinSelf()
  const result = await runBench({
    options,
    serverMainPath,
    pinning,
    progress: (line) => void process.stderr.write(`bench: ${line}\n`),
  })
  process.stdout.write(formatReport(result))
  process.exitCode = judgeBench(result).every((check) => check.pass) ? 0 : 1
} catch (error) {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
}
