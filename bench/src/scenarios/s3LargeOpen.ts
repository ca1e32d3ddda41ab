import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { latencyMetrics } from '../load/phaseMetrics.js'
import { TypingSession } from '../load/TypingSession.js'
import type { RunningServer } from '../servers/ServerUnderTest.js'
import { metric, type Metric, type RunMode, type Scenario, type ScenarioResult } from './Scenario.js'
import { firstEditRelay } from './support/firstEditRelay.js'
import { median } from './support/median.js'
import { ReportOpen } from './support/ReportOpen.js'
import type { SeedReport } from './support/SeedReport.js'
import { storeReports } from './support/storeReports.js'
import { typedReport } from './support/typedReportCache.js'
import { waitUntilUnloaded } from './support/waitUntilUnloaded.js'

const OPEN_TIMEOUT_MS = 60_000
const UNLOAD_TIMEOUT_MS = 30_000
const TYPISTS = 2
const CHARACTERS_PER_SECOND = 5
const DRAIN_MS = 5_000
/** A large report of its own for (d): its content changes, so the others stay as stored. */
const FIRST_EDIT_REPORT = 's3-large-edited'

interface S3Plan {
  /** Bytes of the large report (its `Y.encodeStateAsUpdate`). */
  readonly largeBytes: number
  /** Large reports: each is first-opened once alone, then all are opened at once during the typing. */
  readonly largeReports: number
  /** Second clients joining the first large report while it is open, one after another. */
  readonly joins: number
  readonly smallBytes: number
  readonly typingMs: number
  /** When the large reports start opening, from the start of the typing. */
  readonly opensAtMs: number
}

const PLANS: Record<RunMode, S3Plan> = {
  full: { largeBytes: 1_000_000, largeReports: 5, joins: 10, smallBytes: 20_000, typingMs: 10_000, opensAtMs: 2_000 },
  short: { largeBytes: 100_000, largeReports: 2, joins: 3, smallBytes: 5_000, typingMs: 2_000, opensAtMs: 500 },
}

/**
 * S3: large stored reports. (a) First open of a stored report of about 1 MB (a log of ~300,000 keystrokes of
 * five rapporteurs): time from opening the socket to holding its full state, the median over first opens
 * of different reports. (b) A second client joining the report while it is open. (c) Two typists on a small
 * report at 5 characters a second while five clients first-open five other large reports at once: the small
 * report's keystroke latency (editor to editor, from the intended send time). (d) The first edit of a large
 * report open but not edited yet, relayed to another client.
 */
export const s3LargeOpen: Scenario = {
  id: 'S3',
  title: 'stored 1 MB report: first open, join, small-report latency during large opens',
  targets: [
    { metric: 'first open → full state', kind: 'ratio', limit: 0.33, label: '≤ 0.33×' },
    { metric: 'join open report', kind: 'absolute', limit: 5, label: '≤ 5 ms' },
    { metric: 'small report p99', kind: 'absolute', limit: 20, label: '≤ 20 ms' },
  ],
  async run(server, mode): Promise<ScenarioResult> {
    const plan = PLANS[mode]
    const large = typedReport(plan.largeBytes, 1)
    const small = typedReport(plan.smallBytes, 2)
    const largeNames = Array.from({ length: plan.largeReports }, (_, index) => `s3-large-${index}`)
    await server.prepareDocuments([...largeNames, 's3-small', FIRST_EDIT_REPORT])
    await storeReports(server, [
      ...largeNames.map((documentName) => ({ documentName, report: large })),
      { documentName: 's3-small', report: small },
      { documentName: FIRST_EDIT_REPORT, report: large },
    ])

    const opened = await measureOpens(server, largeNames, large, plan.joins)
    if (typeof opened === 'string') return { metrics: {}, failed: opened }
    const firstEdit = await measureFirstEdit(server, large)
    if (typeof firstEdit === 'string') return { metrics: opened, failed: firstEdit }
    Object.assign(opened, firstEdit)
    const resident = await waitUntilUnloaded(server, UNLOAD_TIMEOUT_MS)
    if (resident !== 0) {
      return { metrics: opened, failed: `${resident} large report(s) not unloaded before the typing phase` }
    }
    const typing = await typeWhileOpening(server, largeNames, large, plan)
    return { metrics: { ...opened, ...typing.metrics }, failed: typing.failed }
  },
}

/**
 * (d): a large report first-opened by one client, then edited for the first time: the edit relayed to a second
 * client (a server that builds a stored report only once someone edits it pays the build here).
 */
async function measureFirstEdit(server: RunningServer, report: SeedReport): Promise<Record<string, Metric> | string> {
  const open = new ReportOpen(server, FIRST_EDIT_REPORT, report)
  try {
    if ((await open.wait(performance.now() + OPEN_TIMEOUT_MS)) === null) return `first open of ${FIRST_EDIT_REPORT} failed`
    const relayed = await firstEditRelay(server, FIRST_EDIT_REPORT, open.client, OPEN_TIMEOUT_MS)
    if (relayed === null) return `the first edit of ${FIRST_EDIT_REPORT} was never relayed`
    return { 'first edit of an opened report → relayed': metric(relayed, 'ms') }
  } finally {
    await open.close()
  }
}

/** (a) and (b): first opens one at a time, then joins of the first report while its opener stays. */
async function measureOpens(
  server: RunningServer,
  names: readonly string[],
  report: SeedReport,
  joins: number,
): Promise<Record<string, Metric> | string> {
  const firstOpens: number[] = []
  const joinTimes: number[] = []
  const keep: ReportOpen[] = []
  try {
    for (const documentName of names) {
      const open = new ReportOpen(server, documentName, report)
      keep.push(open)
      const time = await open.wait(performance.now() + OPEN_TIMEOUT_MS)
      if (time === null) {
        return `first open of ${documentName} did not reach the full state (socket ${open.client.closeCode ?? 'open'})`
      }
      firstOpens.push(time)
      const problem = open.contentProblem()
      if (problem !== null) return problem
    }
    const target = names[0] as string
    for (let index = 0; index < joins; index += 1) {
      const join = new ReportOpen(server, target, report)
      const time = await join.wait(performance.now() + OPEN_TIMEOUT_MS)
      await join.close()
      if (time === null) return `a client joining the open ${target} did not reach the full state`
      joinTimes.push(time)
    }
    if (keep.some((open) => open.failed)) return 'the server closed a large report client'
  } finally {
    await Promise.all(keep.map((open) => open.close()))
  }
  return {
    'first open → full state': metric(median(firstOpens), 'ms'),
    'first open max': metric(Math.max(...firstOpens), 'ms'),
    'join open report': metric(median(joinTimes), 'ms'),
    'join max': metric(Math.max(...joinTimes), 'ms'),
  }
}

/** (c): the small report's typing, with every large report first-opened at once part way through. */
async function typeWhileOpening(
  server: RunningServer,
  largeNames: readonly string[],
  large: SeedReport,
  plan: S3Plan,
): Promise<ScenarioResult> {
  const session = await TypingSession.open({
    server,
    documents: ['s3-small'],
    typistsPerDocument: TYPISTS,
    cursor: true,
    observer: true,
  })
  const opens: ReportOpen[] = []
  try {
    const opening = sleep(plan.opensAtMs).then(() => {
      for (const documentName of largeNames) opens.push(new ReportOpen(server, documentName, large))
    })
    const phase = await session.typePhase(CHARACTERS_PER_SECOND, plan.typingMs, DRAIN_MS)
    await opening
    const deadline = Math.min(...opens.map((open) => open.startedAt)) + OPEN_TIMEOUT_MS
    const times = await Promise.all(opens.map((open) => open.wait(deadline)))
    const metrics: Record<string, Metric> = {
      ...latencyMetrics('small report', phase.ledger.editors),
      'large opens at once → all full': metric(Math.max(...times.map((time) => time ?? Number.NaN)), 'ms'),
      'small report generator lag p99': metric(phase.ledger.sendLag.percentile(99), 'ms'),
    }
    const unfinished = times.filter((time) => time === null).length
    const failed =
      session.brokenReason() ??
      (phase.missing > 0 ? `${phase.missing} small-report deliveries never arrived` : null) ??
      (unfinished > 0 ? `${unfinished} large report(s) opened during the typing never reached the full state` : null) ??
      (await session.checkConvergence()) ??
      opens.map((open) => open.contentProblem()).find((problem) => problem !== null) ??
      null
    return { metrics, failed }
  } finally {
    await session.close()
    await Promise.all(opens.map((open) => open.close()))
  }
}
