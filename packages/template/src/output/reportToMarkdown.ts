import type * as Y from 'yjs'
import type { TemplateDefinition } from '../types.js'
import { reportMeta, sectionFragment } from '../layout/documentLayout.js'
import { readQuotes } from '../layout/quotes.js'
import { readRichNodes } from '../layout/readRichNodes.js'
import { attributeQuote } from './attributeQuote.js'
import { richNodesToMarkdown } from './richNodesToMarkdown.js'

const NOTHING_REPORTED = '_Nothing reported._'

function quotesMarkdown(doc: Y.Doc): string {
  const quotes = readQuotes(doc).filter((quote) => quote.text.trim() !== '')
  if (quotes.length === 0) return NOTHING_REPORTED
  return quotes
    .map((quote) => {
      const lines = `“${quote.text.trim()}”`.split('\n').map((line) => `> ${line}`)
      return [...lines, '>', `> — ${attributeQuote(quote)}`].join('\n')
    })
    .join('\n\n')
}

/** The report as Markdown in template order: title, header fields, then every section under its numbered heading. */
export function reportToMarkdown(doc: Y.Doc, template: TemplateDefinition): string {
  const meta = reportMeta(doc)
  const title = meta.get('title')?.trim() || template.name
  const header = template.meta
    .filter((field) => field.id !== 'title' && meta.get(field.id)?.trim())
    .map((field) => `**${field.label}:** ${meta.get(field.id)?.trim()}`)
    .join('  \n')
  const sections = template.sections.map((section, index) => {
    const body =
      section.kind === 'quotes'
        ? quotesMarkdown(doc)
        : richNodesToMarkdown(readRichNodes(sectionFragment(doc, section.id))) || NOTHING_REPORTED
    return `## ${index + 1}. ${section.title}\n\n${body}`
  })
  return [`# ${title}`, header, ...sections].filter(Boolean).join('\n\n') + '\n'
}
