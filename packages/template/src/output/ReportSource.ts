import * as Y from 'yjs'
import { readReportContent } from '../layout/readReportContent.js'
import type { ReportContent, TemplateDefinition } from '../types.js'

/** What an output renders: a live report document, or its content already read out as data. */
export type ReportSource = Y.Doc | ReportContent

/** The report's content as data, read out of the document when given one. */
export function readReportSource(source: ReportSource, template: TemplateDefinition): ReportContent {
  return source instanceof Y.Doc ? readReportContent(source, template) : source
}
