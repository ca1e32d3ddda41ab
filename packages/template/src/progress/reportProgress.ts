import type * as Y from 'yjs'
import type { ReportProgress, TemplateDefinition } from '../types.js'
import { sectionFragment } from '../layout/documentLayout.js'
import { readQuotes } from '../layout/quotes.js'
import { readRichNodes } from '../layout/readRichNodes.js'
import { quotesProgress, richTextProgress } from './sectionProgress.js'

/** A report's progress, section by section in template order, read from its document. */
export function reportProgress(doc: Y.Doc, template: TemplateDefinition): ReportProgress {
  const quotes = readQuotes(doc)
  const sections = template.sections.map((section) =>
    section.kind === 'quotes'
      ? quotesProgress(
          section,
          quotes.map((quote) => quote.text),
        )
      : richTextProgress(section, readRichNodes(sectionFragment(doc, section.id)), template.conciseBulletWords),
  )
  const count = (consent: string): number => quotes.filter((quote) => quote.consent === consent).length
  return {
    templateId: template.id,
    sections,
    quotes: { total: quotes.length, pending: count('pending'), approved: count('approved'), anonymous: count('anonymous') },
    words: sections.reduce((sum, section) => sum + section.words, 0),
    characters: sections.reduce((sum, section) => sum + section.characters, 0),
  }
}
