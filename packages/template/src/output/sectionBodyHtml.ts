import type { Quote, ReportContent, SectionDefinition } from '../types.js'
import { attributeQuote } from './attributeQuote.js'
import { escapeHtml } from './escapeHtml.js'
import { richNodesToHtml } from './richNodesToHtml.js'

/** What an empty section reads as. */
export const NOTHING_REPORTED_HTML = '<p class="nothing"><em>Nothing reported.</em></p>'

function quotesHtml(quotes: readonly Quote[]): string {
  const said = quotes.filter((quote) => quote.text.trim() !== '')
  if (said.length === 0) return NOTHING_REPORTED_HTML
  return said
    .map((quote) => {
      const text = escapeHtml(`“${quote.text.trim()}”`).replace(/\n/g, '<br>')
      return `<figure class="quote"><blockquote><p>${text}</p></blockquote><figcaption>— ${escapeHtml(attributeQuote(quote))}</figcaption></figure>`
    })
    .join('\n')
}

/**
 * One section's body as HTML (no heading): its rich text with headings shifted by `headingBase`, or its quotes
 * attributed by `attributeQuote`. Every text escaped.
 */
export function sectionBodyHtml(section: SectionDefinition, content: ReportContent, headingBase: number): string {
  if (section.kind === 'quotes') return quotesHtml(content.quotes)
  const nodes = content.sections[section.id] ?? []
  return nodes.length > 0 ? richNodesToHtml(nodes, headingBase) : NOTHING_REPORTED_HTML
}
