import type { TemplateDefinition } from '../types.js'
import { htmlPage } from './htmlPage.js'
import { readReportSource, type ReportSource } from './ReportSource.js'
import { reportArticleHtml } from './reportArticleHtml.js'
import type { ReportOutputOptions } from './reportToMarkdown.js'
import { reportTitle } from './reportTitle.js'

/**
 * The report as a print-ready standalone HTML page (for PDF through the browser's print): template headings in
 * order, header fields, nested bullets, links (http, https, mailto only), quotes attributed by `attributeQuote`.
 * Every text is escaped.
 */
export function reportToHtml(source: ReportSource, template: TemplateDefinition, options: ReportOutputOptions = {}): string {
  const content = readReportSource(source, template)
  const title = options.title ?? reportTitle(content, template)
  return htmlPage(title, reportArticleHtml(content, template, { ...options, title }))
}
