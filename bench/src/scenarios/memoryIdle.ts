import { LightClient } from '../load/LightClient.js'
import type { RunningServer } from '../servers/ServerUnderTest.js'
import { metric, type RunMode, type Scenario, type ScenarioResult } from './Scenario.js'
import { steadyRss } from './support/steadyRss.js'
import { storeReports } from './support/storeReports.js'
import { typedReport } from './support/typedReportCache.js'
import { waitUntilUnloaded } from './support/waitUntilUnloaded.js'
import { withTimeout } from './support/withTimeout.js'

const REPORT_BYTES = 2_000
const CONNECT_BATCH = 200
const SYNC_TIMEOUT_MS = 60_000
const UNLOAD_TIMEOUT_MS = 30_000
const KIB = 1024
const MIB = 1024 * 1024

const PLANS: Record<RunMode, { readonly connections: number; readonly reports: number; readonly settleMs: number }> = {
  // 12 s: V8's memory reducer gives back the heap a burst of allocations grew (after ~8 s of calm); before it, the
  // RSS says more about how the last burst grew the heap than about what the connections hold.
  full: { connections: 2_000, reports: 200, settleMs: 12_000 },
  short: { connections: 200, reports: 20, settleMs: 300 },
}

/**
 * Memory: 2,000 idle connections (short: 200) on 200 small stored reports (short: 20). The cost of an idle
 * connection is (RSS with every connection − RSS with each report open by one connection) / the extra
 * connections. Then every client leaves: documents still in memory after up to 30 s (must be 0) and the RSS.
 */
export const memoryIdle: Scenario = {
  id: 'Memory',
  title: '2,000 idle connections on 200 reports, then everyone leaves',
  targets: [
    { metric: 'per idle connection', kind: 'absolute', limit: 20, label: '≤ 20 KB' },
    { metric: 'documents resident after leave', kind: 'absolute', limit: 0, label: '= 0' },
  ],
  async run(server, mode): Promise<ScenarioResult> {
    const plan = PLANS[mode]
    const report = typedReport(REPORT_BYTES, 4)
    const names = Array.from({ length: plan.reports }, (_, index) => `memory-report-${index}`)
    await server.prepareDocuments(names)
    await storeReports(server, names.map((documentName) => ({ documentName, report })))

    const clients: LightClient[] = []
    try {
      await connect(server, clients, names, plan.reports)
      const rssDocumentsOpen = await steadyRss(server, plan.settleMs)
      await connect(server, clients, names, plan.connections - plan.reports)
      const rssConnected = await steadyRss(server, plan.settleMs)
      const stats = await server.stats()
      const lost = clients.filter((client) => client.lostConnection).length
      await Promise.all(clients.splice(0).map((client) => client.closed()))
      const resident = await waitUntilUnloaded(server, UNLOAD_TIMEOUT_MS)
      const rssAfter = await steadyRss(server, plan.settleMs)
      const extra = plan.connections - plan.reports
      return {
        metrics: {
          'per idle connection': metric((rssConnected - rssDocumentsOpen) / extra / KIB, 'KB'),
          'RSS documents open': metric(rssDocumentsOpen / MIB, 'MiB'),
          'RSS all connected': metric(rssConnected / MIB, 'MiB'),
          'documents resident after leave': metric(resident, 'count'),
          'RSS after leave': metric(rssAfter / MIB, 'MiB'),
        },
        failed: server.died
          ? 'the server died'
          : lost > 0
            ? `${lost} idle connection(s) closed by the server`
            : stats.connections !== plan.connections
              ? `the server counts ${stats.connections} connections, ${plan.connections} were open`
              : null,
      }
    } finally {
      await Promise.all(clients.map((client) => client.closed()))
    }
  },
}

/** Opens `count` more idle clients, round robin over the reports, in batches, each until synced. */
async function connect(
  server: RunningServer,
  clients: LightClient[],
  names: readonly string[],
  count: number,
): Promise<void> {
  for (let start = 0; start < count; start += CONNECT_BATCH) {
    const batch: LightClient[] = []
    for (let index = start; index < Math.min(start + CONNECT_BATCH, count); index += 1) {
      const documentName = names[(clients.length + batch.length) % names.length] as string
      batch.push(new LightClient({ server, documentName }))
    }
    clients.push(...batch)
    await withTimeout(
      Promise.all(batch.map((client) => client.synced)),
      SYNC_TIMEOUT_MS,
      `idle clients did not sync within ${SYNC_TIMEOUT_MS / 1000} s`,
    )
  }
}
