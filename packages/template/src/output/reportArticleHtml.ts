import type { Quote, TemplateDefinition } from '../types.js'
import { attributeQuote } from './attributeQuote.js'
import { escapeHtml } from './escapeHtml.js'
import { readReportSource, type ReportSource } from './ReportSource.js'
import type { ReportOutputOptions } from './reportToMarkdown.js'
import { reportTitle } from './reportTitle.js'
import { richNodesToHtml } from './richNodesToHtml.js'

const NOTHING_REPORTED = '<p class="nothing"><em>Nothing reported.</em></p>'

export interface ReportArticleOptions extends ReportOutputOptions {
  /** `id` of the article, for a table of contents to link to. */
  readonly id?: string
}

function quotesHtml(quotes: readonly Quote[]): string {
  const said = quotes.filter((quote) => quote.text.trim() !== '')
  if (said.length === 0) return NOTHING_REPORTED
  return said
    .map((quote) => {
      const text = escapeHtml(`“${quote.text.trim()}”`).replace(/\n/g, '<br>')
      return `<figure class="quote"><blockquote><p>${text}</p></blockquote><figcaption>— ${escapeHtml(attributeQuote(quote))}</figcaption></figure>`
    })
    .join('\n')
}

/** One report as an HTML `<article>`: title, header fields, then every section in template order. */
export function reportArticleHtml(source: ReportSource, template: TemplateDefinition, options: ReportArticleOptions = {}): string {
  const content = readReportSource(source, template)
  const level = Math.min(5, Math.max(1, options.headingLevel ?? 1))
  const title = options.title ?? reportTitle(content, template)
  const fields = template.meta
    .filter((field) => field.id !== 'title' && content.meta[field.id]?.trim())
    .map((field) => `<dt>${escapeHtml(field.label)}</dt><dd>${escapeHtml(content.meta[field.id]?.trim() ?? '')}</dd>`)
    .join('')
  const sections = template.sections.map((section, index) => {
    const body =
      section.kind === 'quotes'
        ? quotesHtml(content.quotes)
        : (content.sections[section.id] ?? []).length > 0
          ? richNodesToHtml(content.sections[section.id] ?? [], level + 1)
          : NOTHING_REPORTED
    const heading = `<h${level + 1}>${index + 1}. ${escapeHtml(section.title)}</h${level + 1}>`
    return `<section data-section="${escapeHtml(section.id)}">${heading}\n${body}</section>`
  })
  const id = options.id === undefined ? '' : ` id="${escapeHtml(options.id)}"`
  return [
    `<article class="report"${id}>`,
    `<h${level}>${escapeHtml(title)}</h${level}>`,
    options.note === undefined ? '' : `<p class="note">${escapeHtml(options.note)}</p>`,
    fields === '' ? '' : `<dl class="report-meta">${fields}</dl>`,
    ...sections,
    '</article>',
  ]
    .filter(Boolean)
    .join('\n')
}
