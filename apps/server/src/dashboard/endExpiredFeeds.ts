import type { FeedHub } from './FeedHub.js'

/** Ends every feed opened with an invite that has expired by `now`; returns how many. */
export function endExpiredFeeds(hub: FeedHub, now: Date): number {
  return hub.endWhere((subscriber) => {
    const expiresAt = subscriber.principal.expiresAt
    return expiresAt !== undefined && Date.parse(expiresAt) <= now.getTime()
  })
}
