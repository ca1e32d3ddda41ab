import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { docFromUpdates } from '../../load/checkDocumentConvergence.js'
import { LightClient } from '../../load/LightClient.js'
import type { RunningServer } from '../../servers/ServerUnderTest.js'
import { reportBodyText } from './reportBodyText.js'
import type { SeedReport } from './SeedReport.js'
import { StateCoverage } from './StateCoverage.js'

const RECHECK_MS = 50

interface Received {
  readonly update: Uint8Array
  readonly receivedAt: number
}

/**
 * One client opening a stored report, timed from the moment it opens its socket (handshake included) to the
 * receipt of the message that completes the report's state. While it runs it only keeps what arrives, stamped
 * on arrival; the updates are parsed afterwards (`Y.parseUpdateMeta`), so thousands of opens at once cost the
 * load generator nothing but the sockets.
 */
export class ReportOpen {
  readonly startedAt = performance.now()
  readonly client: LightClient
  private readonly received: Received[] = []
  private completion: number | null = null
  private checkedUpTo = 0
  private readonly coverage: StateCoverage

  constructor(
    server: RunningServer,
    readonly documentName: string,
    private readonly report: SeedReport,
  ) {
    this.coverage = new StateCoverage(report.stateVector)
    this.client = new LightClient({
      server,
      documentName,
      onUpdate: (update, receivedAt) => void this.received.push({ update, receivedAt }),
    })
  }

  /** Milliseconds from opening the socket to holding the full report, or null while it does not. */
  get fullStateMs(): number | null {
    while (this.completion === null && this.checkedUpTo < this.received.length) {
      const entry = this.received[this.checkedUpTo] as Received
      this.checkedUpTo += 1
      this.coverage.add(entry.update)
      if (this.coverage.complete) this.completion = entry.receivedAt - this.startedAt
    }
    return this.completion
  }

  /** True when the socket closed or failed to open without being asked to. */
  get failed(): boolean {
    return this.client.lostConnection
  }

  /**
   * Waits until the server's sync step 2 arrived (or the socket failed, or `deadline`), parsing nothing: a storm of
   * opens waits on this first, so the generator does not parse one client's report while others' arrive.
   */
  async arrived(deadline: number): Promise<void> {
    const timeLeft = Math.max(deadline - performance.now(), 0)
    await Promise.race([this.client.synced.catch(() => undefined), sleep(timeLeft, undefined, { ref: false })])
  }

  /** Waits until it holds the full report or fails, at most until `deadline` (performance.now() base). */
  async wait(deadline: number): Promise<number | null> {
    const timeLeft = Math.max(deadline - performance.now(), 0)
    await Promise.race([this.client.synced.catch(() => undefined), sleep(timeLeft, undefined, { ref: false })])
    while (this.fullStateMs === null && !this.failed && performance.now() < deadline) await sleep(RECHECK_MS)
    return this.fullStateMs
  }

  /** Null when everything received, applied to a fresh document, reads as the report; otherwise what differs. */
  contentProblem(): string | null {
    const doc = docFromUpdates(this.received.map((entry) => entry.update))
    try {
      if (reportBodyText(doc) === this.report.text) return null
      return `${this.documentName}: the client's copy differs from the stored report`
    } finally {
      doc.destroy()
    }
  }

  close(): Promise<void> {
    return this.client.closed()
  }
}
