import { LightClient } from '../../load/LightClient.js'
import type { RunningServer } from '../../servers/ServerUnderTest.js'
import type { SeedReport } from './SeedReport.js'
import { StateCoverage } from './StateCoverage.js'
import { waitUntilUnloaded } from './waitUntilUnloaded.js'
import { withTimeout } from './withTimeout.js'

const CONCURRENT_WRITES = 8
const WRITE_TIMEOUT_MS = 60_000
const UNLOAD_TIMEOUT_MS = 30_000

/** A document every scenario's store step opens once after the restart, so no measurement meets a cold server. */
const WARM_UP_DOCUMENT = 'warm-up'

export interface ReportToStore {
  readonly documentName: string
  readonly report: SeedReport
}

/**
 * Makes each report a stored document the same way on every server: a light client sends the report's typing
 * log, a second client syncs until it holds the report's whole state vector (so the server has everything),
 * both leave, the server unloads (and stores) the documents, and a restart leaves them only on disk. After the
 * restart one client syncs an empty warm-up document and leaves (connection path and JIT warm, as on a server
 * that has been up for a while). The documents must have been prepared (`prepareDocuments`). Throws when a step
 * fails.
 */
export async function storeReports(server: RunningServer, reports: readonly ReportToStore[]): Promise<void> {
  await server.prepareDocuments([WARM_UP_DOCUMENT])
  for (let start = 0; start < reports.length; start += CONCURRENT_WRITES) {
    await Promise.all(reports.slice(start, start + CONCURRENT_WRITES).map((entry) => writeReport(server, entry)))
  }
  const resident = await waitUntilUnloaded(server, UNLOAD_TIMEOUT_MS)
  if (resident !== 0) {
    throw new Error(`${resident} seeded document(s) still in memory ${UNLOAD_TIMEOUT_MS / 1000} s after the seeding`)
  }
  await server.restart()
  const warmUp = new LightClient({ server, documentName: WARM_UP_DOCUMENT })
  try {
    await withTimeout(warmUp.synced, WRITE_TIMEOUT_MS, 'the warm-up client did not sync after the restart')
  } finally {
    await warmUp.closed()
  }
  const stillResident = await waitUntilUnloaded(server, UNLOAD_TIMEOUT_MS)
  if (stillResident !== 0) throw new Error('the warm-up document was not unloaded')
}

async function writeReport(server: RunningServer, { documentName, report }: ReportToStore): Promise<void> {
  const writer = new LightClient({ server, documentName })
  let reader: LightClient | null = null
  try {
    await withTimeout(writer.synced, WRITE_TIMEOUT_MS, `the writer of ${documentName} did not sync`)
    for (const chunk of report.chunks) writer.sendUpdate(chunk)
    const coverage = new StateCoverage(report.stateVector)
    let resolveComplete: () => void = () => undefined
    const complete = new Promise<void>((resolve) => {
      resolveComplete = resolve
    })
    reader = new LightClient({
      server,
      documentName,
      onUpdate: (update) => {
        coverage.add(update)
        if (coverage.complete) resolveComplete()
      },
    })
    let watch: NodeJS.Timeout | undefined
    const closedEarly = new Promise<never>((_, reject) => {
      watch = setInterval(() => {
        const lost = [writer, reader].find((client) => client?.lostConnection === true)
        const code = lost?.closeCode ?? null
        if (code !== null) reject(new Error(`the server closed a seeding socket of ${documentName} (code ${code})`))
      }, 100)
    })
    closedEarly.catch(() => undefined)
    try {
      const stored = Promise.race([complete, closedEarly])
      await withTimeout(stored, WRITE_TIMEOUT_MS, `${documentName} was not stored in full`)
    } finally {
      clearInterval(watch)
    }
  } finally {
    await Promise.all([writer.closed(), reader?.closed()])
  }
}
