import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { ApiClient, type ServerMetrics } from './ApiClient.js'
import type { BenchOptions } from './BenchOptions.js'
import type { BenchResult } from './BenchResult.js'
import { checkConvergence } from './checkConvergence.js'
import type { CpuPinning } from './CpuPinning.js'
import { REPORT_SECTIONS } from './documentText.js'
import { FeedClient } from './FeedClient.js'
import { KeystrokeLedger } from './KeystrokeLedger.js'
import { OpenLoopScheduler } from './OpenLoopScheduler.js'
import { ServerProcess } from './ServerProcess.js'
import { setupScenario } from './setupScenario.js'
import { TypingClient } from './TypingClient.js'

/** A fixed organizer token for the bench's throw-away server (at least 24 characters). */
const ADMIN_TOKEN = 'rpo_bench_organizer_token_0123456789'
/** Quiet time after everyone joined, so presence and the first progress have reached the feed. */
const SETTLE_MS = 1_500
/** After the last keystroke: how long deliveries and the feed may take to catch up before it counts as lost. */
const DRAIN_TIMEOUT_MS = 5_000

export interface RunBenchInput {
  readonly options: BenchOptions
  readonly serverMainPath: string
  readonly pinning: CpuPinning
  readonly progress: (line: string) => void
}

/**
 * One run: start the server, create the event, connect 100 typists and the chair feed, type on the open-loop
 * schedule, drain, check convergence, read the metrics, stop everything. Never throws for a failed run: what
 * went wrong is in the result (the caller decides the exit code); throws only when setup itself fails.
 */
export async function runBench({ options, serverMainPath, pinning, progress }: RunBenchInput): Promise<BenchResult> {
  const server = new ServerProcess({ mainPath: serverMainPath, adminToken: ADMIN_TOKEN, pinning })
  await server.start()
  const clients: TypingClient[] = []
  let feed: FeedClient | null = null
  try {
    const api = new ApiClient(server.url, ADMIN_TOKEN)
    progress(`server up at ${server.url}; creating ${options.roundtables} roundtables and invites`)
    const scenario = await setupScenario(api, options.roundtables, options.rapporteursPerRoundtable)
    const ledger = new KeystrokeLedger(options.roundtables, options.rapporteursPerRoundtable - 1)
    const roomOf = new Map(scenario.rooms.map((room, index) => [room.roundtableId, index]))

    const openFeed = new FeedClient({
      url: server.url,
      eventId: scenario.eventId,
      token: scenario.chairToken,
      onStatus: (status, receivedAt) => {
        const room = roomOf.get(status.id)
        const characters = status.progress?.characters
        if (room !== undefined && typeof characters === 'number') ledger.recordFeed(room, characters, receivedAt)
      },
    })
    feed = openFeed
    // Without a feed the run goes on (relay and convergence are still measured) and the feed check fails.
    await openFeed.opened.catch((error: unknown) => progress((error as Error).message))

    progress(`connecting ${options.roundtables * options.rapporteursPerRoundtable} typists`)
    scenario.rooms.forEach((room, roomIndex) => {
      room.rapporteurTokens.forEach((token, person) => {
        clients.push(
          new TypingClient({
            wsUrl: server.wsUrl,
            roundtableId: room.roundtableId,
            token,
            room: roomIndex,
            person,
            clientId: 1 + clients.length,
            section: REPORT_SECTIONS[person % REPORT_SECTIONS.length] ?? 'summary',
            name: `Rapporteur ${roomIndex + 1}.${person + 1}`,
            ledger,
          }),
        )
      })
    })
    await Promise.all(clients.map((client) => client.ready()))
    await sleep(SETTLE_MS)
    ledger.startFeedBaseline()

    const metricsBefore = await readMetrics(api)
    const cpuBefore = process.cpuUsage()
    progress(`typing for ${options.seconds} s`)
    // Consecutive slots of the schedule go to different rooms, so each room's keystrokes are spread evenly over
    // the second (25 a second, one every 40 ms) rather than arriving as a burst of five.
    const byPerson = [...clients].sort((a, b) => a.person - b.person || a.room - b.room)
    const scheduler = new OpenLoopScheduler(byPerson, options.charactersPerSecond, options.seconds * 1000)
    const start = await scheduler.run(() => server.died)
    const typingMs = performance.now() - start

    const drainDeadline = performance.now() + DRAIN_TIMEOUT_MS
    while (performance.now() < drainDeadline && !server.died) {
      if (ledger.receipts === ledger.expectedReceipts && ledger.feedMismatches().length === 0) break
      await sleep(50)
    }
    const wallMs = performance.now() - start
    const generatorCpu = process.cpuUsage(cpuBefore)
    const metricsAfter = await readMetrics(api)

    progress('checking convergence')
    const convergence = server.died
      ? []
      : await checkConvergence(
          server.wsUrl,
          scenario.chairToken,
          scenario.rooms.map((room, roomIndex) => ({
            roundtableId: room.roundtableId,
            docs: clients.filter((client) => client.room === roomIndex).map((client) => client.doc),
            typedCharacters: ledger.sentInRoom(roomIndex),
          })),
        )

    return {
      options,
      pinningNote: pinning.note,
      wallMs,
      typingMs,
      sent: ledger.sent,
      receipts: ledger.receipts,
      expectedReceipts: ledger.expectedReceipts,
      lost: ledger.lost,
      misdelivered: ledger.misdelivered,
      relay: ledger.relay,
      feed: ledger.feed,
      sendLag: ledger.sendLag,
      relayFromSend: ledger.relayFromSend,
      feedReflected: ledger.feedReflectedTotal,
      feedMismatches: ledger.feedMismatches(),
      feedSnapshots: openFeed.snapshots,
      feedEvents: openFeed.events,
      feedFailure: openFeed.failure,
      metricsBefore,
      metricsAfter,
      generatorCpuMs: (generatorCpu.user + generatorCpu.system) / 1000,
      convergence,
      lostConnections: clients.filter((client) => client.socket.lostConnection).length,
      serverDied: server.died ? server.exit : null,
      serverOutputTail: server.outputTail,
    }
  } finally {
    for (const client of clients) client.close()
    await feed?.close()
    await server.stop()
  }
}

async function readMetrics(api: ApiClient): Promise<ServerMetrics | null> {
  try {
    return await api.metrics()
  } catch {
    return null
  }
}
