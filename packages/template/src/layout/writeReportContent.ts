import type * as Y from 'yjs'
import type { ReportContent, TemplateDefinition } from '../types.js'
import { reportMeta, reportQuotes, sectionFragment } from './documentLayout.js'
import { addQuote } from './quotes.js'
import { writeRichNodes } from './writeRichNodes.js'

/** Writes a whole report (header fields, rich-text sections, quotes) into a document in one transaction. */
export function writeReportContent(doc: Y.Doc, template: TemplateDefinition, content: ReportContent): void {
  doc.transact(() => {
    const meta = reportMeta(doc)
    for (const field of template.meta) {
      const value = content.meta[field.id]
      if (value !== undefined) meta.set(field.id, value)
    }
    for (const section of template.sections) {
      const nodes = content.sections[section.id]
      if (section.kind === 'rich-text' && nodes) writeRichNodes(sectionFragment(doc, section.id), nodes)
    }
    const quotes = reportQuotes(doc)
    if (quotes.length > 0) quotes.delete(0, quotes.length)
    for (const quote of content.quotes) addQuote(doc, quote)
  })
}
