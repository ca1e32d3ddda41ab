import { reportTitle, type ReportContent, type TemplateDefinition } from '@rapporteur/template'
import { reportDocument } from './reportDocument.js'
import { reportDocxParagraphs } from './reportDocxParagraphs.js'

/** One report as a .docx file: the template's headings in order, nested bullets, links, attributed quotes. */
export function reportToDocx(content: ReportContent, template: TemplateDefinition): Promise<Buffer> {
  return reportDocument(reportTitle(content, template), reportDocxParagraphs(content, template))
}
