/** A conference or meeting grouping roundtables. Times are ISO 8601 strings in UTC. */
export interface EventRecord {
  readonly id: string
  readonly title: string
  readonly closingAt: string
  readonly createdAt: string
}

/** A roundtable session; its report is the Y.Doc named by its id. */
export interface RoundtableRecord {
  readonly id: string
  readonly eventId: string
  readonly title: string
  readonly templateId: string
  readonly createdAt: string
}
