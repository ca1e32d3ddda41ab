import type * as Y from 'yjs'
import { REPORT_SECTIONS } from '../../documentText.js'

/**
 * A report's body as one comparable string: every section's XML and the quotes. Leaves out `meta`, which
 * Rapporteur writes itself (the roundtable's title) and the reference servers do not.
 */
export function reportBodyText(doc: Y.Doc): string {
  return JSON.stringify({
    sections: REPORT_SECTIONS.map((id) => doc.getXmlFragment(id).toString()),
    quotes: doc.getArray('quotes').toJSON(),
  })
}
