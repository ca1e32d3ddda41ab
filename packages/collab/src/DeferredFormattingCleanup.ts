import * as Y from 'yjs'

/** The fields of Yjs's formatting cleanup this reads and sets (internal to Yjs, stable across 13.x). */
interface CleanupFields {
  _needFormattingCleanup: boolean
}
interface FormattingFields {
  _hasFormatting: boolean
}

/**
 * Yjs tidies the formatting marks of a text after every remote transaction that changed it, looking at what the
 * transaction changed. Applied in causal chunks, a record would be tidied part by part, on a document that
 * lacks the rest of it, and could lose a mark the record applied whole keeps. While this is attached, that
 * cleanup is put off and the texts it concerned are noted; `finish` detaches it and returns them, to clean each
 * whole (`Y.cleanupYTextFormatting`) once every chunk is in — what applying the record whole does for a text
 * holding marks.
 */
export class DeferredFormattingCleanup {
  private readonly texts = new Set<Y.Text>()

  constructor(private readonly doc: Y.Doc) {
    doc.on('afterTransaction', this.defer)
  }

  /** Stops deferring; the texts to clean now, in the order they were first changed. */
  finish(): Y.Text[] {
    this.doc.off('afterTransaction', this.defer)
    return [...this.texts]
  }

  // Yjs calls `afterTransaction` handlers before it runs the formatting cleanup of the transaction.
  private readonly defer = (transaction: Y.Transaction): void => {
    const fields = transaction as unknown as CleanupFields
    if (!fields._needFormattingCleanup) return
    fields._needFormattingCleanup = false
    for (const type of transaction.changed.keys()) {
      if (type instanceof Y.Text && (type as unknown as FormattingFields)._hasFormatting) this.texts.add(type)
    }
  }
}
