import { cpuPercent, cpuPerDelivery, generatorCpuPercent, latencyMetrics } from '../load/phaseMetrics.js'
import { TypingSession } from '../load/TypingSession.js'
import { metric, type Scenario, type ScenarioResult } from './Scenario.js'

const EDITORS = 50
const CHARACTERS_PER_SECOND = 5
/** How long deliveries may trail the last keystroke: an overloaded server shows as latency, only loss fails. */
const DRAIN_MS = 30_000

/** S1: one report, 50 editors, 5 characters a second each, a cursor update with every keystroke. */
export const s1Typing: Scenario = {
  id: 'S1',
  title: 'one report, 50 editors × 5 chars/s, cursor per keystroke',
  targets: [
    { metric: 'p99', kind: 'ratio', limit: 0.5, label: '≤ 0.5×' },
    { metric: 'CPU per delivery', kind: 'ratio', limit: 0.5, label: '≤ 0.5×' },
  ],
  async run(server, mode): Promise<ScenarioResult> {
    const documents = ['s1-report']
    await server.prepareDocuments(documents)
    const session = await TypingSession.open({
      server,
      documents,
      typistsPerDocument: EDITORS,
      cursor: true,
      observer: true,
    })
    try {
      // Warm-up (not measured): the server's JIT and first allocations, the document's first growth.
      await session.typePhase(CHARACTERS_PER_SECOND, mode === 'full' ? 3_000 : 500, DRAIN_MS)
      const phase = await session.typePhase(CHARACTERS_PER_SECOND, mode === 'full' ? 20_000 : 2_000, DRAIN_MS)
      const broken = session.brokenReason()
      const failed =
        broken ??
        (phase.missing > 0 ? `${phase.missing} deliveries never arrived` : null) ??
        (await session.checkConvergence())
      return {
        metrics: {
          ...latencyMetrics('', phase.ledger.editors),
          'CPU per delivery': metric(cpuPerDelivery(phase), 'µs'),
          'server CPU': metric(cpuPercent(phase), '% core'),
          'server RSS': metric(server.sample().rssBytes / 2 ** 20, 'MiB'),
          'deliveries': metric(phase.ledger.delivered, 'count', false),
          'generator lag p99': metric(phase.ledger.sendLag.percentile(99), 'ms'),
          'generator CPU': metric(generatorCpuPercent(phase), '% core'),
        },
        failed,
      }
    } finally {
      await session.close()
    }
  },
}
