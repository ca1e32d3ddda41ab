import { performance } from 'node:perf_hooks'
import { Histogram } from './Histogram.js'

interface Keystroke {
  readonly room: number
  readonly sender: number
  readonly intendedAt: number
  readonly sentAt: number
  receipts: number
}

/** Key of one Yjs item clock of one client (client ids are small integers assigned by the bench). */
function keyOf(clientId: number, clock: number): number {
  return clientId * 10_000_000 + clock
}

/**
 * Every keystroke the bench sends, keyed by the Yjs id (client, clock) of the character it inserted, with its
 * INTENDED send time (from the open-loop schedule). Receipts by other rapporteurs and the chair feed's character
 * counts are matched against it; latencies are measured from the intended time, so a stalled generator shows
 * up as latency instead of silently sending later (no coordinated omission).
 */
export class KeystrokeLedger {
  readonly relay = new Histogram()
  readonly feed = new Histogram()
  readonly sendLag = new Histogram()
  /** Relay latency from the ACTUAL send time: shows how much of `relay` is the generator's own lateness. */
  readonly relayFromSend = new Histogram()
  private readonly byId = new Map<number, Keystroke>()
  /** Per room, the keystrokes in the order they were sent. */
  private readonly sentByRoom: Keystroke[][]
  /** Per room, how many of `sentByRoom` the chair feed has reflected so far. */
  private readonly feedReflected: number[]
  /** Per room, the feed's character count when typing started. */
  private readonly feedBaseline: (number | null)[]
  /** Per room, the last character count the feed showed. */
  private readonly feedLast: (number | null)[]
  private unknownReceipts = 0

  constructor(
    rooms: number,
    private readonly receiversPerKeystroke: number,
  ) {
    this.sentByRoom = Array.from({ length: rooms }, () => [])
    this.feedReflected = new Array<number>(rooms).fill(0)
    this.feedBaseline = new Array<number | null>(rooms).fill(null)
    this.feedLast = new Array<number | null>(rooms).fill(null)
  }

  recordSend(room: number, clientId: number, clock: number, intendedAt: number): void {
    const sentAt = performance.now()
    const keystroke: Keystroke = { room, sender: clientId, intendedAt, sentAt, receipts: 0 }
    this.byId.set(keyOf(clientId, clock), keystroke)
    this.sentByRoom[room]?.push(keystroke)
    this.sendLag.record(sentAt - intendedAt)
  }

  /** A rapporteur of `room` received the item (clientId, clock) at `receivedAt`; items not typed by the bench are ignored. */
  recordReceipt(room: number, receiverId: number, clientId: number, clock: number, receivedAt: number): void {
    const keystroke = this.byId.get(keyOf(clientId, clock))
    if (keystroke === undefined) return
    if (keystroke.room !== room || keystroke.sender === receiverId) {
      this.unknownReceipts += 1
      return
    }
    keystroke.receipts += 1
    this.relay.record(receivedAt - keystroke.intendedAt)
    this.relayFromSend.record(receivedAt - keystroke.sentAt)
  }

  /** Marks the feed's current counts as the baseline, just before typing starts. */
  startFeedBaseline(): void {
    for (let room = 0; room < this.feedLast.length; room += 1) this.feedBaseline[room] = this.feedLast[room] ?? null
  }

  /** The chair's feed showed `characters` for `room` at `receivedAt`. */
  recordFeed(room: number, characters: number, receivedAt: number): void {
    this.feedLast[room] = characters
    const baseline = this.feedBaseline[room]
    const sent = this.sentByRoom[room]
    if (baseline === null || baseline === undefined || sent === undefined) return
    const reached = Math.min(characters - baseline, sent.length)
    let reflected = this.feedReflected[room] ?? 0
    while (reflected < reached) {
      const keystroke = sent[reflected]
      if (keystroke !== undefined) this.feed.record(receivedAt - keystroke.intendedAt)
      reflected += 1
    }
    this.feedReflected[room] = reflected
  }

  get sent(): number {
    return this.byId.size
  }

  sentInRoom(room: number): number {
    return this.sentByRoom[room]?.length ?? 0
  }

  get expectedReceipts(): number {
    return this.byId.size * this.receiversPerKeystroke
  }

  get receipts(): number {
    let total = 0
    for (const keystroke of this.byId.values()) total += keystroke.receipts
    return total
  }

  /** Keystrokes some rapporteur of the room never received. */
  get lost(): number {
    let lost = 0
    for (const keystroke of this.byId.values()) if (keystroke.receipts < this.receiversPerKeystroke) lost += 1
    return lost
  }

  get misdelivered(): number {
    return this.unknownReceipts
  }

  get feedReflectedTotal(): number {
    return this.feedReflected.reduce((sum, count) => sum + count, 0)
  }

  /** Rooms whose feed has no baseline (no snapshot seen before typing). */
  get roomsWithoutBaseline(): number {
    return this.feedBaseline.filter((value) => value === null).length
  }

  /** Rooms whose last feed count differs from baseline + typed (too few: not reflected; too many: counted wrong). */
  feedMismatches(): { room: number; expected: number; shown: number | null }[] {
    const mismatches: { room: number; expected: number; shown: number | null }[] = []
    this.sentByRoom.forEach((sent, room) => {
      const baseline = this.feedBaseline[room]
      const shown = this.feedLast[room] ?? null
      const expected = (baseline ?? 0) + sent.length
      if (baseline === null || baseline === undefined || shown !== expected) mismatches.push({ room, expected, shown })
    })
    return mismatches
  }
}
