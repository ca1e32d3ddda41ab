import type * as Y from 'yjs'

/** Name of the `Y.Map` holding a report's header fields. */
export const META_KEY = 'meta'
/** Name of the `Y.Array` holding a report's quotes, one `Y.Map` each. */
export const QUOTES_KEY = 'quotes'

/**
 * The document layout this code writes (see `docs/PROTOCOL.md`). 1: header fields and quote fields were plain
 * strings, quotes were addressed by index. 2: they are `Y.Text`s and each quote has a stable `id`.
 */
export const REPORT_LAYOUT_VERSION = 2

/** The rich-text body of one section: the `Y.XmlFragment` named by the section id. */
export function sectionFragment(doc: Y.Doc, sectionId: string): Y.XmlFragment {
  return doc.getXmlFragment(sectionId)
}

/**
 * The header fields: a `Y.Text` per text field of the template (layout v2; a plain string in layout v1), and
 * plain strings for readiness (`ready`, `readyBy`).
 */
export function reportMeta(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(META_KEY)
}

/** The quotes, in order: a `Y.Map` each (see `quotes.ts`). */
export function reportQuotes(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray<Y.Map<unknown>>(QUOTES_KEY)
}
