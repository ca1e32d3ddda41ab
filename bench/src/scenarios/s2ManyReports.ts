import { cpuPercent, cpuPerDelivery, generatorCpuPercent } from '../load/phaseMetrics.js'
import { ChairFeedLatency } from '../load/ChairFeedLatency.js'
import { TypingSession } from '../load/TypingSession.js'
import { metric, type Scenario, type ScenarioResult } from './Scenario.js'

const EDITORS = 5
/** How long deliveries may trail the last keystroke: an overloaded server shows as latency, only loss fails. */
const DRAIN_MS = 30_000
/** The feed debounces (trailing ~250 ms, at most ~1 s): how long it may take to show the last keystrokes. */
const FEED_SETTLE_MS = 10_000

/**
 * S2: 200 reports × 5 editors plus the chair's view (one read-only client per report, counted as a receiver of
 * every keystroke), typing at 1 then 5 characters a second. No cursor updates here (S1 has them).
 * Rapporteur also has the chair's real view, its SSE feed of the event: `chair feed p99 @5/s` (keystroke →
 * the feed shows it, debounce included) is measured there only.
 */
export const s2ManyReports: Scenario = {
  id: 'S2',
  title: '200 reports × 5 editors + chair, at 1 and 5 chars/s',
  targets: [{ metric: 'p99 @5/s', kind: 'ratio', limit: 0.33, label: '≤ 0.33×' }],
  async run(server, mode): Promise<ScenarioResult> {
    const reports = mode === 'full' ? 200 : 10
    const phaseMs = mode === 'full' ? 15_000 : 1_500
    const documents = Array.from({ length: reports }, (_, index) => `s2-report-${index}`)
    await server.prepareDocuments(documents)
    const feedAccess = server.chairFeed()
    const feed = feedAccess === null ? null : new ChairFeedLatency(feedAccess)
    await feed?.opened
    const session = await TypingSession.open({
      server,
      documents,
      typistsPerDocument: EDITORS,
      cursor: false,
      observer: true,
      onType: (documentName, intendedAt) => feed?.recordType(documentName, intendedAt),
    })
    try {
      const slow = await session.typePhase(1, phaseMs, DRAIN_MS)
      const feedSettled = feed === null || (await feed.settle(FEED_SETTLE_MS))
      feed?.start()
      const fast = await session.typePhase(5, phaseMs, DRAIN_MS)
      const feedCaughtUp = feed === null || (await feed.settle(FEED_SETTLE_MS))
      const missing = slow.missing + fast.missing
      const feedProblem =
        feed === null
          ? null
          : (feed.failure ??
            (feedSettled && feedCaughtUp ? null : `the chair feed still misses ${feed.missing} keystroke(s) after ${FEED_SETTLE_MS / 1000} s`))
      const failed =
        session.brokenReason() ??
        (missing > 0 ? `${missing} deliveries never arrived` : null) ??
        feedProblem ??
        (await session.checkConvergence())
      return {
        metrics: {
          'p50 @1/s': metric(slow.ledger.editors.percentile(50), 'ms'),
          'p99 @1/s': metric(slow.ledger.editors.percentile(99), 'ms'),
          'p50 @5/s': metric(fast.ledger.editors.percentile(50), 'ms'),
          'p99 @5/s': metric(fast.ledger.editors.percentile(99), 'ms'),
          'max @5/s': metric(fast.ledger.editors.max, 'ms'),
          'chair p99 @5/s': metric(fast.ledger.observers.percentile(99), 'ms'),
          'chair feed p99 @5/s': metric(feed === null ? Number.NaN : feed.histogram.percentile(99), 'ms'),
          'CPU per delivery @5/s': metric(cpuPerDelivery(fast), 'µs'),
          'server CPU @5/s': metric(cpuPercent(fast), '% core'),
          'server RSS': metric(server.sample().rssBytes / 2 ** 20, 'MiB'),
          'generator lag p99 @5/s': metric(fast.ledger.sendLag.percentile(99), 'ms'),
          'generator CPU @5/s': metric(generatorCpuPercent(fast), '% core'),
        },
        failed,
      }
    } finally {
      await session.close()
      await feed?.close()
    }
  },
}
