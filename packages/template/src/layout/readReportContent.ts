import * as Y from 'yjs'
import type { ReportContent, RichNode, TemplateDefinition } from '../types.js'
import { reportMeta, sectionFragment } from './documentLayout.js'
import { readQuotes } from './quotes.js'
import { readRichNodes } from './readRichNodes.js'
import { readTextValue } from './textValue.js'

/**
 * Reads a whole report (the template's header fields, its rich-text sections, the quotes) out of a document:
 * the inverse of `writeReportContent`. Reads layout v2 (`Y.Text` fields) and v1 (strings) alike. Header fields never written are left out; readiness (`ready`,
 * `readyBy`) is not content and is not read.
 */
export function readReportContent(doc: Y.Doc, template: TemplateDefinition): ReportContent {
  const meta: Record<string, string> = {}
  const stored = reportMeta(doc)
  for (const field of template.meta) {
    const value = stored.get(field.id)
    if (typeof value === 'string' || value instanceof Y.Text) meta[field.id] = readTextValue(value)
  }
  const sections: Record<string, RichNode[]> = {}
  for (const section of template.sections) {
    if (section.kind === 'rich-text') sections[section.id] = readRichNodes(sectionFragment(doc, section.id))
  }
  return { meta, sections, quotes: readQuotes(doc) }
}
