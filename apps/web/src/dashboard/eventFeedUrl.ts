/**
 * The event feed's URL. `EventSource` cannot send an `Authorization` header, so the token travels
 * as `?token=` (the server never logs the query string).
 */
export function eventFeedUrl(eventId: string, token: string | null): string {
  const path = `/api/events/${encodeURIComponent(eventId)}/feed`
  return token === null ? path : `${path}?token=${encodeURIComponent(token)}`
}
