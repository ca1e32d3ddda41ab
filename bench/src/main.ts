import { writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { readBenchArguments } from './BenchArguments.js'
import { chairFeedMain } from './chairFeedMain.js'
import { CpuPinning } from './CpuPinning.js'
import { lacksGeneratorFlags, relaunchWithGeneratorFlags } from './generatorNodeFlags.js'
import { machineDescription } from './machineDescription.js'
import { runAll } from './runAll.js'
import { formatRepetitions } from './table/formatRepetitions.js'
import { formatTable } from './table/formatTable.js'
import { medianCells } from './table/medianCells.js'

// `pnpm bench` (from the root: builds everything first) or `node bench/dist/main.js [--short] [--only S1,S2]
// [--repeat 3] [--json file]`: every scenario of issue 7 against Rapporteur, y-websocket-server and Hocuspocus,
// one table on stdout (medians when repeated; progress on stderr). Exit 1 when a cell FAILED (not for a missed
// target) or the run broke. `--chair-feed [--short]` runs the chair-feed benchmark of issue 4 instead. Started
// without the generator's node flags (`generatorNodeFlags.ts`), it runs itself again with them.

async function runBench(): Promise<void> {
  const argv = process.argv.slice(2)
  const args = readBenchArguments(argv)
  const pinning = new CpuPinning()
  pinning.pinSelf()
  if (args.chairFeed) {
    process.exitCode = await chairFeedMain(
      argv.filter((arg) => arg !== '--chair-feed'),
      pinning,
    )
  } else {
    const started = Date.now()
    const loadBefore = loadavg()[0] ?? 0
    const { scenarios, cells } = await runAll({
      mode: args.mode,
      only: args.only,
      servers: args.servers,
      repeat: args.repeat,
      pinning,
      progress: (line) => void process.stderr.write(`bench: ${line}\n`),
    })
    const minutes = ((Date.now() - started) / 60_000).toFixed(1)
    const repeated = args.repeat > 1 ? `, each scenario ${args.repeat} times: medians` : ''
    const repetitions = formatRepetitions(scenarios, cells)
    process.stdout.write(
      `\nRapporteur vs reference servers (${args.mode} mode${repeated}, ${minutes} min): ${machineDescription()}\n` +
        `${pinning.note}; load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after ` +
        `(well above 1 means other work shared the cores: figures are noisy)\n\n${formatTable(scenarios, medianCells(cells))}` +
        (repetitions === '' ? '' : `\n${repetitions}`),
    )
    if (args.jsonPath !== null) writeFileSync(args.jsonPath, `${JSON.stringify({ mode: args.mode, cells }, null, 2)}\n`)
    process.exitCode = cells.some((cell) => cell.result.failed !== null) ? 1 : 0
  }
}

try {
  if (lacksGeneratorFlags()) {
    process.exitCode = await relaunchWithGeneratorFlags()
  } else {
    await runBench()
  }
} catch (error) {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exitCode = 1
}
