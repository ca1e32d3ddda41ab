import type { ReportProgress } from '@rapporteur/template'

/** Someone connected to a report, as the server read it from the document's awareness. */
export interface PresentPerson {
  readonly clientId: number
  readonly name: string
  readonly color: string
  readonly role: string | null
  /** The section they work in, or null while reading. */
  readonly section: string | null
}

/** One roundtable's report as the event feed describes it (counts only: no quote text ever). */
export interface RoundtableStatus {
  readonly id: string
  readonly title: string
  readonly templateId: string
  readonly progress: ReportProgress
  readonly ready: { readonly at: string; readonly by: string } | null
  /** Server time of the last edit counted in `progress`. */
  readonly lastEditAt: string | null
  readonly present: readonly PresentPerson[]
  /** The last time a writer (organizer or rapporteur) was connected; now while one is. */
  readonly lastPresentAt: string | null
}

/** The event the feed is about. */
export interface FeedEvent {
  readonly id: string
  readonly title: string
  readonly closingAt: string
}

/** `event: snapshot`, sent first on every (re)connection. */
export interface FeedSnapshot {
  readonly serverTime: string
  readonly event: FeedEvent
  readonly roundtables: readonly RoundtableStatus[]
}
