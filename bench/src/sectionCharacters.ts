import * as Y from 'yjs'
import { REPORT_SECTIONS } from './documentText.js'

/** Text characters in the report's section fragments (where the bench types; meta and quotes excluded). */
export function sectionCharacters(doc: Y.Doc): number {
  let total = 0
  for (const id of REPORT_SECTIONS) {
    for (const node of doc.getXmlFragment(id).createTreeWalker((child) => child instanceof Y.XmlText)) {
      if (node instanceof Y.XmlText) total += node.length
    }
  }
  return total
}
