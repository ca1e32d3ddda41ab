import type * as Y from 'yjs'

/** Name of the `Y.Map` holding a report's header fields. */
export const META_KEY = 'meta'
/** Name of the `Y.Array` holding a report's quotes, one `Y.Map` each. */
export const QUOTES_KEY = 'quotes'

/** The rich-text body of one section: the `Y.XmlFragment` named by the section id. */
export function sectionFragment(doc: Y.Doc, sectionId: string): Y.XmlFragment {
  return doc.getXmlFragment(sectionId)
}

export function reportMeta(doc: Y.Doc): Y.Map<string> {
  return doc.getMap<string>(META_KEY)
}

export function reportQuotes(doc: Y.Doc): Y.Array<Y.Map<string>> {
  return doc.getArray<Y.Map<string>>(QUOTES_KEY)
}
