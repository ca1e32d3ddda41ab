import type { ServerMetrics } from './ApiClient.js'
import type { BenchOptions } from './BenchOptions.js'
import type { RoomConvergence } from './checkConvergence.js'
import type { Histogram } from './Histogram.js'

/** Everything one run measured, for the table and the exit code. */
export interface BenchResult {
  readonly options: BenchOptions
  readonly pinningNote: string
  /** Wall time from the first scheduled keystroke to the end of the drain, ms. */
  readonly wallMs: number
  readonly typingMs: number
  readonly sent: number
  readonly receipts: number
  readonly expectedReceipts: number
  readonly lost: number
  readonly misdelivered: number
  readonly relay: Histogram
  readonly feed: Histogram
  readonly sendLag: Histogram
  readonly relayFromSend: Histogram
  readonly feedReflected: number
  readonly feedMismatches: readonly { room: number; expected: number; shown: number | null }[]
  readonly feedSnapshots: number
  readonly feedEvents: number
  readonly feedFailure: string | null
  readonly metricsBefore: ServerMetrics | null
  readonly metricsAfter: ServerMetrics | null
  readonly generatorCpuMs: number
  readonly convergence: readonly RoomConvergence[]
  readonly lostConnections: number
  readonly serverDied: string | null
  readonly serverOutputTail: string
}
