/** Builders for the app's URLs, so links and routes cannot drift apart. */
export const paths = {
  events: (): string => '/',
  event: (eventId: string): string => `/events/${encodeURIComponent(eventId)}`,
  /** The chair's live view of every roundtable of the event. */
  dashboard: (eventId: string): string => `/events/${encodeURIComponent(eventId)}/dashboard`,
  /** `fromDashboard` adds `?from=dashboard`, so the report offers a way back to it. */
  report: (roundtableId: string, options: { readonly fromDashboard?: boolean } = {}): string =>
    `/report/${encodeURIComponent(roundtableId)}${options.fromDashboard ? '?from=dashboard' : ''}`,
  /** One section of every roundtable's report, for a closing session going section by section. */
  sectionAcross: (eventId: string, sectionId: string): string =>
    `/events/${encodeURIComponent(eventId)}/sections/${encodeURIComponent(sectionId)}`,
  invite: (): string => '/invite',
} as const
