import { Paragraph, TextRun } from 'docx'
import { attributeQuote, reportTitle, type ReportContent, type TemplateDefinition } from '@rapporteur/template'
import { headingStyle, RichDocxWriter } from './richNodesToDocx.js'

export interface ReportDocxOptions {
  /** Heading level of the report's title; sections one below. Default 1. */
  readonly headingLevel?: number
  /** Replaces the report's own title. */
  readonly title?: string
  /** A line under the title, e.g. whether the report is ready. */
  readonly note?: string
  /** Starts the report on a new page. */
  readonly pageBreakBefore?: boolean
}

const nothingReported = (): Paragraph => new Paragraph({ children: [new TextRun({ text: 'Nothing reported.', italics: true })] })

/**
 * One report as DOCX paragraphs in template order: its title, header fields, every section under its numbered
 * heading; quotes attributed by `attributeQuote` only.
 */
export function reportDocxParagraphs(content: ReportContent, template: TemplateDefinition, options: ReportDocxOptions = {}): Paragraph[] {
  const level = Math.min(5, Math.max(1, options.headingLevel ?? 1))
  // Headings inside a section sit below its heading (level + 1), as in the HTML export.
  const writer = new RichDocxWriter(level + 1)
  const paragraphs: Paragraph[] = [
    new Paragraph({
      heading: headingStyle(level),
      pageBreakBefore: options.pageBreakBefore ?? false,
      children: [new TextRun(options.title ?? reportTitle(content, template))],
    }),
  ]
  if (options.note !== undefined) paragraphs.push(new Paragraph({ children: [new TextRun({ text: options.note, italics: true })] }))
  for (const field of template.meta) {
    const value = content.meta[field.id]?.trim()
    if (field.id === 'title' || !value) continue
    paragraphs.push(new Paragraph({ children: [new TextRun({ text: `${field.label}: `, bold: true }), new TextRun(value)] }))
  }
  template.sections.forEach((section, index) => {
    paragraphs.push(new Paragraph({ heading: headingStyle(level + 1), children: [new TextRun(`${index + 1}. ${section.title}`)] }))
    if (section.kind === 'quotes') {
      const said = content.quotes.filter((quote) => quote.text.trim() !== '')
      if (said.length === 0) paragraphs.push(nothingReported())
      for (const quote of said) {
        paragraphs.push(
          new Paragraph({ indent: { left: 720 }, children: [new TextRun({ text: `“${quote.text.trim()}”`, italics: true })] }),
          new Paragraph({ indent: { left: 720 }, children: [new TextRun(`— ${attributeQuote(quote)}`)] }),
        )
      }
      return
    }
    const body = writer.blocks(content.sections[section.id] ?? [])
    paragraphs.push(...(body.length === 0 ? [nothingReported()] : body))
  })
  return paragraphs
}
