import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { REPORT_SECTIONS } from '../documentText.js'
import { OpenLoopScheduler } from '../OpenLoopScheduler.js'
import type { RunningServer } from '../servers/ServerUnderTest.js'
import { checkDocumentConvergence } from './checkDocumentConvergence.js'
import { collectGarbage } from './collectGarbage.js'
import { createReceiver, DeliveryLedger } from './DeliveryLedger.js'
import { LightClient } from './LightClient.js'
import { Typist } from './Typist.js'

const CONNECT_BATCH = 100
const SYNC_TIMEOUT_MS = 30_000
const DRAIN_POLL_MS = 20
/** How often the typing loop looks for closed sockets (looking costs a pass over every client). */
const BROKEN_CHECK_MS = 100

export interface TypingSessionOptions {
  readonly server: RunningServer
  readonly documents: readonly string[]
  readonly typistsPerDocument: number
  /** A cursor (awareness) update with every keystroke. */
  readonly cursor: boolean
  /** One read-only observer per document (the chair's view); it also keeps every update for the convergence check. */
  readonly observer: boolean
  /** Told of every keystroke with its document and intended time. */
  readonly onType?: (documentName: string, intendedAt: number) => void
}

/** What one typing phase measured. */
export interface PhaseResult {
  readonly ledger: DeliveryLedger
  /** Server CPU time used from the start of typing to the end of the drain, ms. */
  readonly serverCpuMs: number
  /** CPU time the load generator (this process) used over the same span, ms. */
  readonly generatorCpuMs: number
  /** Wall time of the same span, ms. */
  readonly wallMs: number
  /** Deliveries still missing after the drain (0 unless messages were lost or the server fell far behind). */
  readonly missing: number
}

/**
 * Editors typing into documents on one server: connects every typist (and an observer per document), runs
 * open-loop typing phases at a given rate, drains, and checks at the end that nothing was lost and that the
 * observers' copies equal the server's.
 */
export class TypingSession {
  readonly typists: Typist[] = []
  readonly observers = new Map<string, LightClient>()
  private ledger = new DeliveryLedger()

  private constructor(private readonly options: TypingSessionOptions) {}

  static async open(options: TypingSessionOptions): Promise<TypingSession> {
    const session = new TypingSession(options)
    await session.connect()
    return session
  }

  get clientCount(): number {
    return this.typists.length + this.observers.size
  }

  /**
   * Types at `ratePerTypist` characters a second each for `durationMs` (open loop, typists evenly staggered),
   * then waits up to `drainMs` until every delivery has arrived. The generator collects its garbage first.
   */
  async typePhase(ratePerTypist: number, durationMs: number, drainMs: number): Promise<PhaseResult> {
    const { server } = this.options
    const ledger = new DeliveryLedger()
    this.ledger = ledger
    collectGarbage()
    const cpuBefore = server.sample().cpuMs
    const generatorBefore = process.cpuUsage()
    const started = performance.now()
    let checkedAt = 0
    let broken = false
    const stop = (): boolean => {
      const now = performance.now()
      if (now - checkedAt >= BROKEN_CHECK_MS) {
        checkedAt = now
        broken = this.brokenReason() !== null
      }
      return broken
    }
    await new OpenLoopScheduler(this.typists, ratePerTypist, durationMs).run(stop)
    const drainDeadline = performance.now() + drainMs
    while (ledger.missing > 0 && performance.now() < drainDeadline && this.brokenReason() === null) {
      await sleep(DRAIN_POLL_MS)
    }
    const wallMs = performance.now() - started
    const serverCpuMs = server.sample().cpuMs - cpuBefore
    const generator = process.cpuUsage(generatorBefore)
    const generatorCpuMs = (generator.user + generator.system) / 1000
    return { ledger, serverCpuMs, generatorCpuMs, wallMs, missing: ledger.missing }
  }

  /** Why the session cannot be trusted any more (a socket closed, the server died), or null. */
  brokenReason(): string | null {
    if (this.options.server.died) return 'the server died'
    const lost = this.typists.filter((typist) => typist.client.lostConnection).length +
      [...this.observers.values()].filter((observer) => observer.lostConnection).length
    return lost > 0 ? `${lost} connection(s) closed by the server` : null
  }

  /** Null when every observer's document equals the server's copy and holds every keystroke; else the first difference. */
  async checkConvergence(): Promise<string | null> {
    for (const documentName of this.options.documents) {
      const observer = this.observers.get(documentName)
      if (observer === undefined) continue
      const clocks = new Map<number, number>()
      for (const typist of this.typists) {
        if (typist.client.documentName === documentName) clocks.set(typist.clientId, typist.clock)
      }
      const problem = await checkDocumentConvergence(this.options.server, documentName, observer.updates, clocks)
      if (problem !== null) return problem
    }
    return null
  }

  async close(): Promise<void> {
    for (const typist of this.typists) typist.close()
    await Promise.all([...this.observers.values()].map((observer) => observer.closed()))
  }

  private async connect(): Promise<void> {
    const { server, documents, typistsPerDocument, cursor, observer } = this.options
    const receivers = typistsPerDocument - 1 + (observer ? 1 : 0)
    const pending: Promise<unknown>[] = []
    const flush = async (): Promise<void> => {
      const batch = pending.splice(0)
      const timeout = sleep(SYNC_TIMEOUT_MS, undefined, { ref: false }).then(() => {
        throw new Error(`clients did not sync within ${SYNC_TIMEOUT_MS / 1000} s`)
      })
      await Promise.race([Promise.all(batch), timeout])
    }
    let clientId = 1
    for (const documentName of documents) {
      if (observer) {
        const watcher = createReceiver('observer')
        const client = new LightClient({
          server,
          documentName,
          keepUpdates: true,
          onUpdate: (update, receivedAt, isSyncStep2) => {
            if (!isSyncStep2) this.ledger.recordUpdate(watcher, update, receivedAt)
          },
        })
        this.observers.set(documentName, client)
        pending.push(client.synced)
      }
      for (let index = 0; index < typistsPerDocument; index += 1) {
        const typist = new Typist({
          server,
          documentName,
          clientId,
          section: REPORT_SECTIONS[index % REPORT_SECTIONS.length] ?? 'summary',
          ledger: () => this.ledger,
          receivers,
          cursor,
          ...(this.options.onType === undefined ? {} : { onType: this.options.onType }),
        })
        clientId += 1
        this.typists.push(typist)
        pending.push(typist.ready())
        if (pending.length >= CONNECT_BATCH) await flush()
      }
    }
    await flush()
    // Let the typists' paragraphs and presence reach everyone before anything is measured.
    await sleep(300)
  }
}
