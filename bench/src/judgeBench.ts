import type { BenchResult } from './BenchResult.js'

/** Targets from the issue. */
export const FEED_P99_TARGET_MS = 500
export const PROGRESS_SHARE_TARGET = 0.1

export interface BenchCheck {
  readonly name: string
  readonly pass: boolean
  readonly detail: string
}

/** The share of server CPU spent on progress over the run, or null without metrics. */
export function progressShare(result: BenchResult): number | null {
  const { metricsBefore: before, metricsAfter: after } = result
  if (before === null || after === null) return null
  const total = after.cpuUserMs + after.cpuSystemMs - before.cpuUserMs - before.cpuSystemMs
  if (total <= 0) return null
  return (after.progressCpuMs - before.progressCpuMs) / total
}

/**
 * PASS/FAIL of one run. Correctness checks (nothing lost, converged, the server alive) fail the run;
 * the two performance targets are reported with their marks and also fail it when missed.
 */
export function judgeBench(result: BenchResult): BenchCheck[] {
  const notConverged = result.convergence.filter((room) => room.problem !== null)
  const share = progressShare(result)
  const feedP99 = result.feed.percentile(99)
  const allFeedReflected = result.feedReflected === result.sent && result.feedMismatches.length === 0
  return [
    { name: 'server alive', pass: result.serverDied === null, detail: result.serverDied ?? 'ran to the end' },
    {
      name: 'no lost keystroke',
      pass: result.lost === 0 && result.receipts === result.expectedReceipts && result.misdelivered === 0,
      detail: `${result.receipts}/${result.expectedReceipts} deliveries, ${result.lost} keystrokes lost, ${result.misdelivered} misdelivered`,
    },
    {
      name: 'connections held',
      pass: result.lostConnections === 0,
      detail: `${result.lostConnections} typists lost their connection`,
    },
    {
      name: 'feed reflected all',
      pass: allFeedReflected && result.feedFailure === null,
      detail:
        result.feedFailure ??
        `${result.feedReflected}/${result.sent} keystrokes; ${result.feedMismatches.length} rooms off` +
          (result.feedMismatches[0] === undefined
            ? ''
            : ` (e.g. room ${result.feedMismatches[0].room + 1}: expected ${result.feedMismatches[0].expected}, shown ${String(result.feedMismatches[0].shown)})`),
    },
    {
      name: 'convergence',
      pass: result.convergence.length === result.options.roundtables && notConverged.length === 0,
      detail:
        notConverged.length === 0
          ? `${result.convergence.length}/${result.options.roundtables} rooms identical to the server`
          : `${notConverged.length} rooms differ (${notConverged[0]?.problem ?? ''})`,
    },
    {
      name: `feed p99 < ${FEED_P99_TARGET_MS} ms`,
      pass: Number.isFinite(feedP99) && feedP99 < FEED_P99_TARGET_MS,
      detail: Number.isFinite(feedP99) ? `${feedP99.toFixed(0)} ms` : 'no samples',
    },
    {
      name: `progress < ${PROGRESS_SHARE_TARGET * 100}% of server CPU`,
      pass: share !== null && share < PROGRESS_SHARE_TARGET,
      detail: share === null ? 'no metrics (GET /api/metrics)' : `${(share * 100).toFixed(1)}%`,
    },
  ]
}
