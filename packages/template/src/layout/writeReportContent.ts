import type * as Y from 'yjs'
import type { ReportContent, TemplateDefinition } from '../types.js'
import { reportQuotes, sectionFragment } from './documentLayout.js'
import { metaFieldText } from './metaFields.js'
import { newQuoteMap } from './quotes.js'
import { replaceText } from './textValue.js'
import { writeRichNodes } from './writeRichNodes.js'

/**
 * Writes a whole report (header fields, rich-text sections, quotes) into a document in one transaction, in layout
 * v2: each header field `content` gives becomes (or stays) a `Y.Text`, changed by the smallest edit; the others
 * are left as they are. The quotes are replaced by new ones with new ids.
 */
export function writeReportContent(doc: Y.Doc, template: TemplateDefinition, content: ReportContent): void {
  doc.transact(() => {
    for (const field of template.meta) {
      const value = content.meta[field.id]
      if (value !== undefined) replaceText(metaFieldText(doc, field.id), value)
    }
    for (const section of template.sections) {
      const nodes = content.sections[section.id]
      if (section.kind === 'rich-text' && nodes) writeRichNodes(sectionFragment(doc, section.id), nodes)
    }
    const quotes = reportQuotes(doc)
    if (quotes.length > 0) quotes.delete(0, quotes.length)
    quotes.push(content.quotes.map((quote) => newQuoteMap(quote)))
  })
}
