import type { ReportProgress, ReportReadiness } from '../types.js'

// The chair's feed (GET /api/events/:id/feed): what the server publishes and the dashboard reads.

/** Someone connected to a report, as their awareness state describes them (set by their client). */
export interface PresentPerson {
  readonly clientId: number
  readonly name: string
  readonly color: string
  /** The role the client announces (`rapporteur`, `chair`…), or null. */
  readonly role: string | null
  /** The template section the person is in, or null. */
  readonly section: string | null
}

/** One roundtable's report as the chair's feed shows it. Holds counts only: never quote text or speakers. */
export interface RoundtableStatus {
  readonly id: string
  readonly title: string
  readonly templateId: string
  readonly progress: ReportProgress
  /** When and by whom the report was marked ready for the closing session; null when it is not. */
  readonly ready: ReportReadiness | null
  /** Server time of the last update included in `progress`; null when none was seen since this feature exists. */
  readonly lastEditAt: string | null
  readonly present: readonly PresentPerson[]
  /** Last time a writer (organizer or rapporteur connection) was connected; about now while one is. */
  readonly lastPresentAt: string | null
}

/** The event fields the feed's snapshot carries. */
export interface FeedEvent {
  readonly id: string
  readonly title: string
  readonly closingAt: string
}

/** The first message of every feed connection. */
export interface FeedSnapshot {
  readonly serverTime: string
  readonly event: FeedEvent
  readonly roundtables: readonly RoundtableStatus[]
}
