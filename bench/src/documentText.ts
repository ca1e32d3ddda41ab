import type * as Y from 'yjs'

/** The section ids of the roundtable report template (docs/PROTOCOL.md: stored layout, never changes). */
export const REPORT_SECTIONS = ['summary', 'challenges', 'opportunities', 'gcm-relevance', 'agenda-2030'] as const

/** A report document as one comparable string: meta, every section's XML, the quotes. */
export function documentText(doc: Y.Doc): string {
  return JSON.stringify({
    meta: doc.getMap('meta').toJSON(),
    sections: REPORT_SECTIONS.map((id) => doc.getXmlFragment(id).toString()),
    quotes: doc.getArray('quotes').toJSON(),
  })
}
