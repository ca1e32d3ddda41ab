import type { Quote, TemplateDefinition } from '../types.js'
import { attributeQuote } from './attributeQuote.js'
import { readReportSource, type ReportSource } from './ReportSource.js'
import { reportTitle } from './reportTitle.js'
import { richNodesToMarkdown } from './richNodesToMarkdown.js'

const NOTHING_REPORTED = '_Nothing reported._'

export interface ReportOutputOptions {
  /** Heading level of the report's title (sections one below). Default 1: a standalone report. */
  readonly headingLevel?: number
  /** Replaces the report's own title (`meta.title`, else the template's name). */
  readonly title?: string
  /** A line of plain text under the title, e.g. whether the report is ready. */
  readonly note?: string
}

function quotesMarkdown(quotes: readonly Quote[]): string {
  const said = quotes.filter((quote) => quote.text.trim() !== '')
  if (said.length === 0) return NOTHING_REPORTED
  return said
    .map((quote) => {
      const lines = `“${quote.text.trim()}”`.split('\n').map((line) => `> ${line}`)
      return [...lines, '>', `> — ${attributeQuote(quote)}`].join('\n')
    })
    .join('\n\n')
}

/**
 * The report as Markdown in template order: title, header fields, then every section under its numbered heading.
 * Takes the report's document or its content; quotes are attributed through `attributeQuote` only.
 */
export function reportToMarkdown(source: ReportSource, template: TemplateDefinition, options: ReportOutputOptions = {}): string {
  const content = readReportSource(source, template)
  const level = Math.min(5, Math.max(1, options.headingLevel ?? 1))
  const title = options.title ?? reportTitle(content, template)
  const header = template.meta
    .filter((field) => field.id !== 'title' && content.meta[field.id]?.trim())
    .map((field) => `**${field.label}:** ${content.meta[field.id]?.trim()}`)
    .join('  \n')
  const sections = template.sections.map((section, index) => {
    const body =
      section.kind === 'quotes'
        ? quotesMarkdown(content.quotes)
        : richNodesToMarkdown(content.sections[section.id] ?? []) || NOTHING_REPORTED
    return `${'#'.repeat(level + 1)} ${index + 1}. ${section.title}\n\n${body}`
  })
  const note = options.note === undefined ? '' : `_${options.note.replace(/([\\`*_[\]<>])/g, '\\$1')}_`
  return [`${'#'.repeat(level)} ${title}`, note, header, ...sections].filter(Boolean).join('\n\n') + '\n'
}
