import type { FeedSnapshot, RoundtableStatus } from '@rapporteur/template'

export interface FeedMessage {
  readonly event: string
  readonly data: string
  /** `performance.now()` when the message was parsed. */
  readonly at: number
}

export interface FeedClient {
  /** Every message so far, in order (comments left out). */
  readonly messages: FeedMessage[]
  /** Resolves when the stream ends (the server ended it, or `close()`). */
  readonly ended: Promise<void>
  /** Resolves with the first `snapshot`. */
  readonly snapshot: Promise<FeedSnapshot>
  /** The latest status of each roundtable: the snapshot's, replaced by each `roundtable` message. */
  readonly latest: Map<string, RoundtableStatus>
  /** Resolves once a roundtable's latest status satisfies `predicate`; fails naming `what` after `timeoutMs`. */
  waitFor(roundtableId: string, predicate: (status: RoundtableStatus) => boolean, what: string, timeoutMs?: number): Promise<RoundtableStatus>
  close(): void
}

/**
 * Reads the event feed (Server-Sent Events) with `fetch` streaming, as a browser's `EventSource` would:
 * the token as `Authorization: Bearer` or, with `viaQuery`, as `?token=`. Rejects if the answer is not a stream.
 */
export async function openFeed(
  serverUrl: string,
  eventId: string,
  token: string,
  { viaQuery = false }: { viaQuery?: boolean } = {},
): Promise<FeedClient> {
  const abort = new AbortController()
  const url = `${serverUrl}/api/events/${eventId}/feed${viaQuery ? `?token=${encodeURIComponent(token)}` : ''}`
  const response = await fetch(url, {
    headers: viaQuery ? {} : { authorization: `Bearer ${token}` },
    signal: abort.signal,
  })
  if (response.status !== 200 || response.body === null) {
    throw new Error(`Feed answered ${response.status}: ${await response.text()}`)
  }
  const messages: FeedMessage[] = []
  const latest = new Map<string, RoundtableStatus>()
  const waiters = new Set<() => void>()
  let resolveSnapshot: (snapshot: FeedSnapshot) => void = () => undefined
  const snapshot = new Promise<FeedSnapshot>((resolve) => {
    resolveSnapshot = resolve
  })
  const receive = (block: string): void => {
    let event = 'message'
    const data: string[] = []
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue
      if (line.startsWith('event: ')) event = line.slice('event: '.length)
      else if (line.startsWith('data: ')) data.push(line.slice('data: '.length))
    }
    if (data.length === 0) return
    const message = { event, data: data.join('\n'), at: performance.now() }
    messages.push(message)
    if (event === 'snapshot') {
      const parsed = JSON.parse(message.data) as FeedSnapshot
      for (const status of parsed.roundtables) latest.set(status.id, status)
      resolveSnapshot(parsed)
    } else if (event === 'roundtable') {
      const status = JSON.parse(message.data) as RoundtableStatus
      latest.set(status.id, status)
    }
    for (const waiter of [...waiters]) waiter()
  }
  const ended = (async () => {
    const decoder = new TextDecoder()
    let buffered = ''
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffered += decoder.decode(chunk, { stream: true })
        let end = buffered.indexOf('\n\n')
        while (end >= 0) {
          receive(buffered.slice(0, end))
          buffered = buffered.slice(end + 2)
          end = buffered.indexOf('\n\n')
        }
      }
    } catch {
      // Aborted by close(), or the server went away.
    }
  })()
  return {
    ended,
    messages,
    snapshot,
    latest,
    waitFor: (roundtableId, predicate, what, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const status = latest.get(roundtableId)
          if (status === undefined || !predicate(status)) return
          cleanup()
          resolve(status)
        }
        const timer = setTimeout(() => {
          cleanup()
          reject(new Error(`Timed out after ${timeoutMs} ms waiting until ${what}`))
        }, timeoutMs)
        const cleanup = (): void => {
          clearTimeout(timer)
          waiters.delete(check)
        }
        waiters.add(check)
        check()
      }),
    close: () => abort.abort(),
  }
}
