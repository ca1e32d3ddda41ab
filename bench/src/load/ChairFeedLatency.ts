import { setTimeout as sleep } from 'node:timers/promises'
import { FeedClient } from '../FeedClient.js'
import { Histogram } from '../Histogram.js'
import type { ChairFeedAccess } from '../servers/ServerUnderTest.js'

/**
 * Keystroke → the chair's live feed (Rapporteur's SSE feed of the event). The feed shows each roundtable's
 * `progress.characters`; from the count at `start()` (the baseline), a count of baseline + n means the first n
 * keystrokes typed into that document since are reflected, and each gets a sample `receive − intended time`.
 * Includes the server's feed debounce by design.
 */
export class ChairFeedLatency {
  readonly histogram = new Histogram()
  private readonly feed: FeedClient
  private readonly last = new Map<string, number>()
  private readonly baseline = new Map<string, number>()
  /** Per document, the count the feed showed first (before any typing) and the keystrokes typed since. */
  private readonly initial = new Map<string, number>()
  private readonly typed = new Map<string, number>()
  private readonly sent = new Map<string, number[]>()
  private readonly reflected = new Map<string, number>()
  private measuring = false

  constructor(private readonly access: ChairFeedAccess) {
    this.feed = new FeedClient({
      url: access.url,
      eventId: access.eventId,
      token: access.token,
      onStatus: (status, receivedAt) => {
        const documentName = this.access.documentOf(status.id)
        const characters = status.progress?.characters
        if (documentName !== undefined && typeof characters === 'number') this.record(documentName, characters, receivedAt)
      },
    })
  }

  get opened(): Promise<void> {
    return this.feed.opened
  }

  /** Waits (up to `timeoutMs`) until the feed shows every keystroke typed so far; false if it does not. */
  async settle(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs
    const behind = (): boolean =>
      [...this.typed].some(([name, count]) => (this.last.get(name) ?? -1) !== (this.initial.get(name) ?? 0) + count)
    while (behind()) {
      if (Date.now() > deadline || this.feed.failure !== null) return false
      await sleep(50)
    }
    return true
  }

  /** From now on, keystrokes count: each document's current count is its baseline (call after `settle`). */
  start(): void {
    for (const [documentName, characters] of this.last) this.baseline.set(documentName, characters)
    this.sent.clear()
    this.reflected.clear()
    this.measuring = true
  }

  recordType(documentName: string, intendedAt: number): void {
    this.typed.set(documentName, (this.typed.get(documentName) ?? 0) + 1)
    if (!this.measuring) return
    const list = this.sent.get(documentName) ?? []
    list.push(intendedAt)
    this.sent.set(documentName, list)
  }

  /** Keystrokes typed since `start()` that the feed does not show yet. */
  get missing(): number {
    let missing = 0
    for (const [documentName, list] of this.sent) missing += list.length - (this.reflected.get(documentName) ?? 0)
    return missing
  }

  get failure(): string | null {
    return this.feed.failure
  }

  close(): Promise<void> {
    return this.feed.close()
  }

  private record(documentName: string, characters: number, receivedAt: number): void {
    this.last.set(documentName, characters)
    if (!this.initial.has(documentName)) this.initial.set(documentName, characters)
    const baseline = this.baseline.get(documentName)
    const sent = this.sent.get(documentName)
    if (!this.measuring || baseline === undefined || sent === undefined) return
    const reached = Math.min(characters - baseline, sent.length)
    let reflected = this.reflected.get(documentName) ?? 0
    for (; reflected < reached; reflected += 1) this.histogram.record(receivedAt - (sent[reflected] ?? receivedAt))
    this.reflected.set(documentName, reflected)
  }
}
