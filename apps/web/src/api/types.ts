/** A conference whose roundtables report to a closing session. */
export interface ConferenceEvent {
  readonly id: string
  readonly title: string
  /** ISO 8601 date-time of the closing session. */
  readonly closingAt: string
  readonly createdAt: string
}

/** One roundtable discussion; its report is the collaborative document named by `id`. */
export interface Roundtable {
  readonly id: string
  readonly eventId: string
  readonly title: string
  readonly templateId: string
  readonly createdAt: string
}

export interface ConferenceEventWithRoundtables extends ConferenceEvent {
  readonly roundtables: readonly Roundtable[]
}
