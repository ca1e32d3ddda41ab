/** A `Y.YTextEvent`'s delta, as far as a plain text field reads it: retain, insert (a string), delete. */
export type TextDelta = readonly {
  readonly retain?: number
  readonly insert?: unknown
  readonly delete?: number
}[]

/** How many characters an insert of a delta adds (an embed counts as one). */
export function insertLength(insert: unknown): number {
  return typeof insert === 'string' ? insert.length : 1
}
