import { useEffect, useState } from 'react'
import { ApiError } from '../api/ApiError'
import { rapporteurApi } from '../api/rapporteurApi'
import { applyRoundtableStatus } from './applyRoundtableStatus'
import { eventFeedUrl } from './eventFeedUrl'
import type { FeedSnapshot, RoundtableStatus } from '@rapporteur/template'

/** `connecting` until the first snapshot; `live` while the stream is open; `denied` when the server refuses us. */
export type FeedConnection = 'connecting' | 'live' | 'reconnecting' | 'denied'

export interface EventFeed {
  readonly connection: FeedConnection
  /** The event and its roundtables, kept current by `roundtable` events; null before the first snapshot. */
  readonly snapshot: FeedSnapshot | null
  /** Server clock minus this device's clock, from the last snapshot: countdowns and flags use server time. */
  readonly clockOffsetMs: number
  /** Why the feed was refused (`denied`). */
  readonly error: ApiError | null
}

const INITIAL: EventFeed = { connection: 'connecting', snapshot: null, clockOffsetMs: 0, error: null }
const FIRST_RETRY_MS = 1_000
const MAX_RETRY_MS = 30_000

const isRefusal = (error: unknown): error is ApiError =>
  error instanceof ApiError && (error.isUnauthorized || error.isForbidden || error.isNotFound)

/**
 * Follows `GET /api/events/:eventId/feed` (server-sent events). The browser's `EventSource`
 * reconnects by itself after a dropped stream; when it gives up (an HTTP error answer), the hook
 * asks the API why: a refused token stops for good, anything else is retried with backoff.
 */
export function useEventFeed(eventId: string, token: string | null): EventFeed {
  const [feed, setFeed] = useState<EventFeed>(INITIAL)

  useEffect(() => {
    let source: EventSource | null = null
    let retryTimer: ReturnType<typeof setTimeout> | undefined
    let retryMs = FIRST_RETRY_MS
    const probe = new AbortController()

    const onSnapshot = (message: MessageEvent<string>) => {
      const snapshot = JSON.parse(message.data) as FeedSnapshot
      retryMs = FIRST_RETRY_MS
      setFeed({ connection: 'live', snapshot, clockOffsetMs: Date.parse(snapshot.serverTime) - Date.now(), error: null })
    }
    const onRoundtable = (message: MessageEvent<string>) => {
      const status = JSON.parse(message.data) as RoundtableStatus
      setFeed((current) =>
        current.snapshot === null
          ? current
          : { ...current, snapshot: { ...current.snapshot, roundtables: applyRoundtableStatus(current.snapshot.roundtables, status) } },
      )
    }
    const retryLater = () => {
      retryTimer = setTimeout(open, retryMs)
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS)
    }
    const onError = () => {
      setFeed((current) => (current.connection === 'denied' ? current : { ...current, connection: 'reconnecting' }))
      if (source === null || source.readyState !== EventSource.CLOSED) return
      source.close()
      source = null
      rapporteurApi.getEvent(eventId, probe.signal).then(retryLater, (error: unknown) => {
        if (probe.signal.aborted) return
        if (isRefusal(error)) setFeed((current) => ({ ...current, connection: 'denied', error }))
        else retryLater()
      })
    }
    function open() {
      source = new EventSource(eventFeedUrl(eventId, token))
      source.addEventListener('snapshot', onSnapshot)
      source.addEventListener('roundtable', onRoundtable)
      source.addEventListener('error', onError)
    }

    open()
    return () => {
      probe.abort()
      clearTimeout(retryTimer)
      source?.close()
    }
  }, [eventId, token])

  return feed
}
