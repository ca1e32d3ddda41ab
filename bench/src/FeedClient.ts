import { performance } from 'node:perf_hooks'
import { SseParser } from './SseParser.js'

/** The part of a feed `RoundtableStatus` the bench reads. */
export interface FeedStatus {
  readonly id: string
  readonly progress?: { readonly characters?: number }
}

export interface FeedClientOptions {
  readonly url: string
  readonly eventId: string
  readonly token: string
  /** Called for every roundtable status of a snapshot or `roundtable` event, with its receive time. */
  readonly onStatus: (status: FeedStatus, receivedAt: number) => void
}

/**
 * The chair's event feed over `fetch` streaming (what an EventSource does, minus reconnects): parses the
 * `snapshot` and `roundtable` events and hands each roundtable status over with its receive time.
 */
export class FeedClient {
  readonly opened: Promise<void>
  /** Why the stream ended, if it ended before `close()`. */
  failure: string | null = null
  snapshots = 0
  events = 0
  private readonly abort = new AbortController()
  private closed = false
  private readonly done: Promise<void>

  constructor(private readonly options: FeedClientOptions) {
    let resolveOpened: () => void = () => undefined
    let rejectOpened: (error: Error) => void = () => undefined
    this.opened = new Promise<void>((resolve, reject) => {
      resolveOpened = resolve
      rejectOpened = reject
    })
    this.opened.catch(() => undefined)
    this.done = this.read(resolveOpened).catch((error: unknown) => {
      if (this.closed) return
      this.failure = error instanceof Error ? error.message : String(error)
      rejectOpened(new Error(`chair feed failed: ${this.failure}`))
    })
  }

  async close(): Promise<void> {
    this.closed = true
    this.abort.abort()
    await this.done
  }

  private async read(resolveOpened: () => void): Promise<void> {
    const { url, eventId, token } = this.options
    const response = await fetch(`${url}/api/events/${eventId}/feed`, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      signal: this.abort.signal,
    })
    if (!response.ok || response.body === null) {
      throw new Error(`GET /api/events/${eventId}/feed answered ${response.status}: ${await response.text()}`)
    }
    const parser = new SseParser(({ event, data }) => {
      const receivedAt = performance.now()
      if (event === 'snapshot') {
        const snapshot = JSON.parse(data) as { roundtables: FeedStatus[] }
        this.snapshots += 1
        for (const status of snapshot.roundtables) this.options.onStatus(status, receivedAt)
        resolveOpened()
      } else if (event === 'roundtable') {
        this.events += 1
        this.options.onStatus(JSON.parse(data) as FeedStatus, receivedAt)
      }
    })
    const decoder = new TextDecoder()
    for await (const chunk of response.body) parser.push(decoder.decode(chunk as Uint8Array, { stream: true }))
    if (!this.closed) throw new Error('the feed stream ended')
  }
}
