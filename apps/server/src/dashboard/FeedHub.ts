import type { Principal } from '../auth/Principal.js'
import type { RoundtableStatus } from '@rapporteur/template'

/** One feed connection, as the hub sees it. */
export interface FeedSubscriber {
  /** Who opened the feed (so revoking or expiring their invite can end it). */
  readonly principal: Principal
  /** Called with every status change of the event's roundtables, synchronously as it is published. */
  send(status: RoundtableStatus): void
  /** Called once when the feed is ended by the server (stopping, invite revoked or expired). */
  end(): void
}

/** Fans roundtable status changes out to the feed connections of their event. */
export class FeedHub {
  private readonly subscribers = new Map<string, Set<FeedSubscriber>>()

  /** Listens to one event's changes; returns the function that stops listening. */
  subscribe(eventId: string, subscriber: FeedSubscriber): () => void {
    let set = this.subscribers.get(eventId)
    if (set === undefined) {
      set = new Set()
      this.subscribers.set(eventId, set)
    }
    set.add(subscriber)
    return () => {
      set.delete(subscriber)
      if (set.size === 0 && this.subscribers.get(eventId) === set) this.subscribers.delete(eventId)
    }
  }

  publish(eventId: string, status: RoundtableStatus): void {
    const set = this.subscribers.get(eventId)
    if (set === undefined) return
    for (const subscriber of [...set]) subscriber.send(status)
  }

  /** How many feed connections are open, over all events. */
  get subscriberCount(): number {
    let count = 0
    for (const set of this.subscribers.values()) count += set.size
    return count
  }

  /** Ends the feed connections `predicate` picks (their clients are refused when they reconnect); returns how many. */
  endWhere(predicate: (subscriber: FeedSubscriber) => boolean): number {
    const picked: FeedSubscriber[] = []
    for (const [eventId, set] of this.subscribers) {
      for (const subscriber of set) {
        if (!predicate(subscriber)) continue
        set.delete(subscriber)
        picked.push(subscriber)
      }
      if (set.size === 0) this.subscribers.delete(eventId)
    }
    for (const subscriber of picked) subscriber.end()
    return picked.length
  }

  /** Ends every feed connection and forgets them. */
  endAll(): void {
    const all = [...this.subscribers.values()].flatMap((set) => [...set])
    this.subscribers.clear()
    for (const subscriber of all) subscriber.end()
  }
}
