/** Builders for the app's URLs, so links and routes cannot drift apart. */
export const paths = {
  events: (): string => '/',
  event: (eventId: string): string => `/events/${encodeURIComponent(eventId)}`,
  report: (roundtableId: string): string => `/report/${encodeURIComponent(roundtableId)}`,
  invite: (): string => '/invite',
} as const
