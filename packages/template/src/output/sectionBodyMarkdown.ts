import type { Quote, ReportContent, SectionDefinition } from '../types.js'
import { attributeQuote } from './attributeQuote.js'
import { richNodesToMarkdown } from './richNodesToMarkdown.js'

/** What an empty section reads as. */
export const NOTHING_REPORTED_MARKDOWN = '_Nothing reported._'

function quotesMarkdown(quotes: readonly Quote[]): string {
  const said = quotes.filter((quote) => quote.text.trim() !== '')
  if (said.length === 0) return NOTHING_REPORTED_MARKDOWN
  return said
    .map((quote) => {
      const lines = `“${quote.text.trim()}”`.split('\n').map((line) => `> ${line}`)
      return [...lines, '>', `> — ${attributeQuote(quote)}`].join('\n')
    })
    .join('\n\n')
}

/** One section's body as Markdown (no heading): its rich text, or its quotes attributed by `attributeQuote`. */
export function sectionBodyMarkdown(section: SectionDefinition, content: ReportContent): string {
  if (section.kind === 'quotes') return quotesMarkdown(content.quotes)
  return richNodesToMarkdown(content.sections[section.id] ?? []) || NOTHING_REPORTED_MARKDOWN
}
