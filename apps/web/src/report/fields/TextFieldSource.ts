import type * as Y from 'yjs'

/** Where a bound field's text lives in the report document (a header field, one field of one quote). */
export interface TextFieldSource {
  /** The field's `Y.Text`, or its words while it is not one yet (layout v1, or never written: ''). */
  current(): Y.Text | string
  /**
   * The `Y.Text` to write an edit into, made (or upgraded from a layout v1 string) in a transaction of its own
   * when needed; null when the field is gone (its quote was removed): the edit then changes nothing.
   */
  writable(): Y.Text | null
  /** Calls `onReplaced` whenever `current()` may have become another value; returns the unsubscribe. */
  watch(onReplaced: () => void): () => void
}
