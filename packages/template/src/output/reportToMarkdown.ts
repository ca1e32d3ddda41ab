import type { TemplateDefinition } from '../types.js'
import { readReportSource, type ReportSource } from './ReportSource.js'
import { reportTitle } from './reportTitle.js'
import { sectionBodyMarkdown } from './sectionBodyMarkdown.js'

export interface ReportOutputOptions {
  /** Heading level of the report's title (sections one below). Default 1: a standalone report. */
  readonly headingLevel?: number
  /** Replaces the report's own title (`meta.title`, else the template's name). */
  readonly title?: string
  /** A line of plain text under the title, e.g. whether the report is ready. */
  readonly note?: string
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
    return `${'#'.repeat(level + 1)} ${index + 1}. ${section.title}\n\n${sectionBodyMarkdown(section, content)}`
  })
  const note = options.note === undefined ? '' : `_${options.note.replace(/([\\`*_[\]<>])/g, '\\$1')}_`
  return [`${'#'.repeat(level)} ${title}`, note, header, ...sections].filter(Boolean).join('\n\n') + '\n'
}
