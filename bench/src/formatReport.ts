import type { BenchResult } from './BenchResult.js'
import type { Histogram } from './Histogram.js'
import { judgeBench, progressShare, FEED_P99_TARGET_MS, PROGRESS_SHARE_TARGET } from './judgeBench.js'

function ms(value: number): string {
  if (!Number.isFinite(value)) return '—'
  if (value < 10) return `${value.toFixed(2)} ms`
  if (value < 100) return `${value.toFixed(1)} ms`
  return `${value.toFixed(0)} ms`
}

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join('  ').trimEnd()
}

function mark(pass: boolean): string {
  return pass ? 'PASS' : 'FAIL'
}

/** The printed report: scenario, latency table (relay vs feed), CPU, the checks and the verdict. */
export function formatReport(result: BenchResult): string {
  const { options } = result
  const checks = judgeBench(result)
  const lines: string[] = []
  const typists = options.roundtables * options.rapporteursPerRoundtable
  lines.push('')
  lines.push(
    `Rapporteur bench: ${options.roundtables} roundtables × ${options.rapporteursPerRoundtable} rapporteurs × ` +
      `${options.charactersPerSecond} chars/s (${typists * options.charactersPerSecond} keystrokes/s), ` +
      `${options.seconds} s open loop, 1 chair feed`,
  )
  lines.push(result.pinningNote)
  lines.push(
    `keystrokes sent ${result.sent} in ${(result.typingMs / 1000).toFixed(1)} s; generator send lag ` +
      `p99 ${ms(result.sendLag.percentile(99))}, max ${ms(result.sendLag.max)}; feed: ${result.feedSnapshots} snapshot(s), ` +
      `${result.feedEvents} roundtable events`,
  )
  lines.push('')
  const widths = [10, 24, 26, 22]
  const latency = (name: string, pick: (histogram: Histogram) => number, target = ''): string =>
    row([name, ms(pick(result.relay)), ms(pick(result.feed)), target], widths)
  const feedP99 = result.feed.percentile(99)
  lines.push(row(['latency', 'relay (to rapporteur)', 'feed (to chair)', 'target'], widths))
  lines.push(row(['-------', '---------------------', '---------------', '------'], widths))
  lines.push(latency('p50', (h) => h.percentile(50)))
  lines.push(latency('p95', (h) => h.percentile(95)))
  lines.push(
    latency(
      'p99',
      (h) => h.percentile(99),
      `feed < ${FEED_P99_TARGET_MS} ms ${mark(Number.isFinite(feedP99) && feedP99 < FEED_P99_TARGET_MS)}`,
    ),
  )
  lines.push(latency('max', (h) => h.max))
  lines.push(row(['samples', String(result.relay.count), String(result.feed.count), ''], widths))
  lines.push(
    `(relay from the actual send instead of the intended time: p50 ${ms(result.relayFromSend.percentile(50))}, ` +
      `p99 ${ms(result.relayFromSend.percentile(99))}, max ${ms(result.relayFromSend.max)})`,
  )
  lines.push('')

  const share = progressShare(result)
  const before = result.metricsBefore
  const after = result.metricsAfter
  if (before !== null && after !== null) {
    const user = after.cpuUserMs - before.cpuUserMs
    const system = after.cpuSystemMs - before.cpuSystemMs
    const progressMs = after.progressCpuMs - before.progressCpuMs
    const computations = after.progressComputations - before.progressComputations
    const wallSeconds = result.wallMs / 1000
    lines.push(
      `server CPU   ${(user + system).toFixed(0)} ms (user ${user.toFixed(0)} + system ${system.toFixed(0)}) over ` +
        `${wallSeconds.toFixed(1)} s = ${((user + system) / 10 / wallSeconds).toFixed(0)}% of one core; ` +
        `rss ${(after.rssBytes / 2 ** 20).toFixed(0)} MiB, ${after.openDocuments} documents, ${after.connections} connections`,
    )
    lines.push(
      `progress     ${progressMs.toFixed(0)} ms in ${computations} computations ` +
        `(${computations > 0 ? (progressMs / computations).toFixed(2) : '—'} ms each) = ` +
        `${share === null ? '—' : (share * 100).toFixed(1)}% of server CPU   target < ${PROGRESS_SHARE_TARGET * 100}% ` +
        mark(share !== null && share < PROGRESS_SHARE_TARGET),
    )
  } else {
    lines.push('server CPU   — (GET /api/metrics unavailable)')
  }
  lines.push(
    `generator    ${result.generatorCpuMs.toFixed(0)} ms CPU = ` +
      `${(result.generatorCpuMs / 10 / (result.wallMs / 1000)).toFixed(0)}% of one core`,
  )
  lines.push('')
  for (const check of checks) lines.push(`${mark(check.pass)}  ${check.name.padEnd(28)} ${check.detail}`)
  const failed = checks.filter((check) => !check.pass).length
  lines.push('')
  lines.push(failed === 0 ? 'RESULT: PASS' : `RESULT: FAIL (${failed} of ${checks.length} checks)`)
  if (result.serverDied !== null) lines.push(`server output (tail):\n${result.serverOutputTail}`)
  lines.push('')
  return lines.join('\n')
}
