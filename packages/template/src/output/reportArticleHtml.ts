import type { TemplateDefinition } from '../types.js'
import { escapeHtml } from './escapeHtml.js'
import { readReportSource, type ReportSource } from './ReportSource.js'
import type { ReportOutputOptions } from './reportToMarkdown.js'
import { reportTitle } from './reportTitle.js'
import { sectionBodyHtml } from './sectionBodyHtml.js'

export interface ReportArticleOptions extends ReportOutputOptions {
  /** `id` of the article, for a table of contents to link to. */
  readonly id?: string
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
    const body = sectionBodyHtml(section, content, level + 1)
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
