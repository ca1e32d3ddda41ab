import type { Quote, ReportContent, SectionDefinition } from '../types.js'
import { attributeQuote } from './attributeQuote.js'
import { escapeMarkdown } from './escapeMarkdown.js'
import { richNodesToMarkdown } from './richNodesToMarkdown.js'

/** What an empty section reads as. */
export const NOTHING_REPORTED_MARKDOWN = '_Nothing reported._'

function quotesMarkdown(quotes: readonly Quote[]): string {
  const said = quotes.filter((quote) => quote.text.trim() !== '')
  if (said.length === 0) return NOTHING_REPORTED_MARKDOWN
  return said
    .map((quote) => {
      const lines = escapeMarkdown(`“${quote.text.trim()}”`)
        .split('\n')
        .map((line) => `> ${line}`)
      const attribution = escapeMarkdown(attributeQuote(quote)).replace(/\s*\n\s*/g, ' ')
      return [...lines, '>', `> — ${attribution}`].join('\n')
    })
    .join('\n\n')
}

/**
 * One section's body as Markdown (no heading): its rich text, or its quotes attributed by `attributeQuote`. Every
 * text, quotes and attributions included, escaped by `escapeMarkdown`.
 */
export function sectionBodyMarkdown(section: SectionDefinition, content: ReportContent): string {
  if (section.kind === 'quotes') return quotesMarkdown(content.quotes)
  return richNodesToMarkdown(content.sections[section.id] ?? []) || NOTHING_REPORTED_MARKDOWN
}
