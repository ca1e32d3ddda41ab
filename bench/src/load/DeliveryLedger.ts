import { performance } from 'node:perf_hooks'
import { Histogram } from '../Histogram.js'
import { readClockRanges } from './readKeystrokeRange.js'

interface Keystroke {
  readonly intendedAt: number
  readonly sentAt: number
  readonly expected: number
  receipts: number
}

/** Who receives updates: an editor (who also types, with its Yjs client id) or a read-only observer (chair). */
export interface Receiver {
  readonly kind: 'editor' | 'observer'
  /** Yjs client id of the editor (its own keystrokes echoed back are not deliveries); -1 for an observer. */
  readonly clientId: number
  /** Per sending client, the next clock this receiver has not seen yet (so merged or repeated updates count once). */
  readonly nextClock: Map<number, number>
}

/** Key of one keystroke: client ids are small integers given by the bench, clocks stay below 10 million. */
function keyOf(clientId: number, clock: number): number {
  return clientId * 10_000_000 + clock
}

export function createReceiver(kind: Receiver['kind'], clientId = -1): Receiver {
  return { kind, clientId, nextClock: new Map() }
}

/**
 * Every keystroke of one measured phase, keyed by the Yjs id (client, clock) of the character it inserted,
 * with its INTENDED send time (open loop, no coordinated omission). Receivers parse each incoming update
 * only as far as its per-client clock ranges (`readClockRanges`) and stamp the keystrokes in them.
 */
export class DeliveryLedger {
  /** Keystroke → another editor of the same document, from the intended send time. */
  readonly editors = new Histogram()
  /** Keystroke → observer (the chair), from the intended send time. */
  readonly observers = new Histogram()
  /** Keystroke → editor from the ACTUAL send time: how much of `editors` is the generator's own lateness. */
  readonly editorsFromSend = new Histogram()
  /** How far actual sends trailed the schedule. */
  readonly sendLag = new Histogram()
  sent = 0
  delivered = 0
  private readonly pending = new Map<number, Keystroke>()

  recordSend(clientId: number, clock: number, intendedAt: number, expectedReceivers: number): void {
    const sentAt = performance.now()
    this.pending.set(keyOf(clientId, clock), { intendedAt, sentAt, expected: expectedReceivers, receipts: 0 })
    this.sent += 1
    this.sendLag.record(sentAt - intendedAt)
  }

  /** A receiver got `update` at `receivedAt`: stamps every keystroke of this phase it carries for the first time. */
  recordUpdate(receiver: Receiver, update: Uint8Array, receivedAt: number): void {
    for (const { client, from, to: end } of readClockRanges(update)) {
      if (client === receiver.clientId) continue
      const seen = receiver.nextClock.get(client) ?? 0
      const start = Math.max(from, seen)
      if (end > seen) receiver.nextClock.set(client, end)
      for (let clock = start; clock < end; clock += 1) this.stamp(receiver, keyOf(client, clock), receivedAt)
    }
  }

  /** Deliveries still missing (keystrokes × receivers that have not received them). */
  get missing(): number {
    let missing = 0
    for (const keystroke of this.pending.values()) missing += keystroke.expected - keystroke.receipts
    return missing
  }

  private stamp(receiver: Receiver, key: number, receivedAt: number): void {
    const keystroke = this.pending.get(key)
    if (keystroke === undefined) return
    keystroke.receipts += 1
    this.delivered += 1
    if (receiver.kind === 'editor') {
      this.editors.record(receivedAt - keystroke.intendedAt)
      this.editorsFromSend.record(receivedAt - keystroke.sentAt)
    } else {
      this.observers.record(receivedAt - keystroke.intendedAt)
    }
    if (keystroke.receipts >= keystroke.expected) this.pending.delete(key)
  }
}
