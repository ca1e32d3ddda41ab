import type { TemplateDefinition } from '../types.js'
import { escapeMarkdown } from './escapeMarkdown.js'
import { readReportSource, type ReportSource } from './ReportSource.js'
import { reportTitle } from './reportTitle.js'
import { sectionBodyMarkdown } from './sectionBodyMarkdown.js'

export interface ReportOutputOptions {
  /** Heading level of the report's title (sections one below). Default 1: a standalone report. */
  readonly headingLevel?: number
  /** Replaces the report's own title (`meta.title`, else the template's name). Plain text: each output escapes it. */
  readonly title?: string
  /** A line of plain text under the title, e.g. whether the report is ready. */
  readonly note?: string
}

/** A one-line text (title, header field) as inert Markdown: line breaks become spaces, as HTML shows them. */
function lineMarkdown(text: string): string {
  return escapeMarkdown(text.trim().replace(/\s*\n\s*/g, ' '))
}

/**
 * The report as Markdown in template order: title, header fields, then every section under its numbered heading.
 * Takes the report's document or its content; quotes are attributed through `attributeQuote` only. Every text is
 * escaped by `escapeMarkdown`, as the section bodies are.
 */
export function reportToMarkdown(source: ReportSource, template: TemplateDefinition, options: ReportOutputOptions = {}): string {
  const content = readReportSource(source, template)
  const level = Math.min(5, Math.max(1, options.headingLevel ?? 1))
  const title = lineMarkdown(options.title ?? reportTitle(content, template))
  const header = template.meta
    .filter((field) => field.id !== 'title' && content.meta[field.id]?.trim())
    .map((field) => `**${lineMarkdown(field.label)}:** ${lineMarkdown(content.meta[field.id] ?? '')}`)
    .join('  \n')
  const sections = template.sections.map((section, index) => {
    return `${'#'.repeat(level + 1)} ${index + 1}. ${lineMarkdown(section.title)}\n\n${sectionBodyMarkdown(section, content)}`
  })
  const note = options.note === undefined ? '' : `_${escapeMarkdown(options.note)}_`
  return [`${'#'.repeat(level)} ${title}`, note, header, ...sections].filter(Boolean).join('\n\n') + '\n'
}
