import { performance } from 'node:perf_hooks'
import { metric, type RunMode, type Scenario, type ScenarioResult } from './Scenario.js'
import { median } from './support/median.js'
import { readListenOverflows } from './support/readListenOverflows.js'
import { ReportOpen } from './support/ReportOpen.js'
import { storeReports } from './support/storeReports.js'
import { typedReport } from './support/typedReportCache.js'

const SYNC_TIMEOUT_MS = 60_000

const PLANS: Record<RunMode, { readonly clients: number; readonly reports: number; readonly reportBytes: number }> = {
  full: { clients: 1_000, reports: 100, reportBytes: 100_000 },
  short: { clients: 100, reports: 10, reportBytes: 30_000 },
}

/**
 * S4: a connection storm. 1,000 clients (short: 100) open their sockets in the same instant, spread evenly
 * over 100 (short: 10) stored reports of about 100 KB (short: 30 KB) that no one has open. Measured from the
 * storm's start: when the last client holds its report's full state (among those that got it), the median
 * client, and the failures (socket closed or refused, or not holding the full state within 60 s; those closed
 * are also counted apart). Failures are figures, not a FAILED cell. Connections the kernel dropped because the
 * server's listen queue was full are counted too (machine-wide counter): those clients wait for a SYN
 * retransmission (1 s or more). One client per report applies what it received and must read exactly the
 * stored report. The generator parses what the clients received only once every sync step 2 has arrived (arrival
 * times are stamped on receipt): parsing 100 MB while sockets still deliver would delay their stamps.
 */
export const s4ConnectStorm: Scenario = {
  id: 'S4',
  title: '1,000 clients connect at once to 100 stored 100 KB reports',
  targets: [
    { metric: 'all synced', kind: 'ratio', limit: 0.35, label: '≤ 0.35×' },
    { metric: 'failures', kind: 'absolute', limit: 0, label: '= 0' },
  ],
  async run(server, mode): Promise<ScenarioResult> {
    const plan = PLANS[mode]
    const report = typedReport(plan.reportBytes, 3)
    const names = Array.from({ length: plan.reports }, (_, index) => `s4-report-${index}`)
    await server.prepareDocuments(names)
    await storeReports(server, names.map((documentName) => ({ documentName, report })))

    const cpuBefore = server.sample().cpuMs
    const generatorBefore = process.cpuUsage()
    const overflowsBefore = readListenOverflows()
    const start = performance.now()
    const opens = Array.from(
      { length: plan.clients },
      (_, index) => new ReportOpen(server, names[index % names.length] as string, report),
    )
    try {
      // Every sync step 2 first (arrival times are stamped as they come), then the parsing of what arrived.
      await Promise.all(opens.map((open) => open.arrived(start + SYNC_TIMEOUT_MS)))
      const times = await Promise.all(opens.map((open) => open.wait(start + SYNC_TIMEOUT_MS)))
      const serverCpuMs = server.sample().cpuMs - cpuBefore
      const generator = process.cpuUsage(generatorBefore)
      const overflows = readListenOverflows() - overflowsBefore
      const synced: number[] = []
      times.forEach((time, index) => {
        if (time !== null) synced.push(time + ((opens[index] as ReportOpen).startedAt - start))
      })
      const failures = plan.clients - synced.length
      const closed = opens.filter((open) => open.fullStateMs === null && open.failed).length
      const problems = names.map((documentName) => {
        const observer = opens.find((open) => open.documentName === documentName && open.fullStateMs !== null)
        return observer === undefined ? `no client of ${documentName} got the full state` : observer.contentProblem()
      })
      return {
        metrics: {
          'all synced': metric(synced.length === 0 ? Number.NaN : Math.max(...synced), 'ms'),
          'client synced p50': metric(median(synced), 'ms'),
          failures: metric(failures, 'count'),
          'failures: socket closed': metric(closed, 'count'),
          'server CPU': metric(serverCpuMs, 'ms'),
          'server RSS': metric(server.sample().rssBytes / 2 ** 20, 'MiB'),
          'generator CPU': metric((generator.user + generator.system) / 1000, 'ms'),
          'listen queue overflows': metric(overflows, 'count'),
        },
        failed: server.died ? 'the server died' : (problems.find((problem) => problem !== null) ?? null),
      }
    } finally {
      await Promise.all(opens.map((open) => open.close()))
    }
  },
}
