import { Paragraph, TextRun } from 'docx'
import {
  CHANGED_SINCE_READY_HEADING,
  changedSinceReadyOf,
  formatUtcTime,
  readinessFlag,
  readinessNote,
  readReportSource,
  type EventReportInput,
} from '@rapporteur/template'
import { reportDocument } from './reportDocument.js'
import { reportDocxParagraphs } from './reportDocxParagraphs.js'
import { headingStyle } from './richNodesToDocx.js'

/**
 * The compiled closing report of an event as a .docx file: the event's title and closing time, the contents,
 * the reports not marked ready and those changed since they were, then every roundtable's report in order, each from a new page.
 */
export function compiledReportToDocx(input: EventReportInput): Promise<Buffer> {
  const title = `${input.event.title.trim() || 'Event'} — closing report`
  const { reports } = input
  const heading = (text: string, level: number): Paragraph => new Paragraph({ heading: headingStyle(level), children: [new TextRun(text)] })
  const paragraphs: Paragraph[] = [
    heading(title, 1),
    new Paragraph({ children: [new TextRun({ text: 'Closing session: ', bold: true }), new TextRun(formatUtcTime(input.event.closingAt))] }),
    new Paragraph({ children: [new TextRun({ text: 'Roundtables: ', bold: true }), new TextRun(String(reports.length))] }),
    heading('Contents', 2),
  ]
  if (reports.length === 0) paragraphs.push(new Paragraph({ children: [new TextRun({ text: 'No roundtables.', italics: true })] }))
  reports.forEach((entry, index) => {
    const state = readinessFlag(entry)
    const flag = state === null ? '' : ` (${state})`
    paragraphs.push(new Paragraph({ indent: { left: 360 }, children: [new TextRun(`${index + 1}. ${entry.title}${flag}`)] }))
  })
  if (reports.length > 0) {
    paragraphs.push(heading('Reports not marked ready', 2))
    const notReady = reports.filter((entry) => entry.ready === null)
    if (notReady.length === 0) paragraphs.push(new Paragraph({ children: [new TextRun('Every report is marked ready.')] }))
    for (const entry of notReady) paragraphs.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(entry.title)] }))
    const changed = reports.filter((entry) => changedSinceReadyOf(entry) !== null)
    if (changed.length > 0) paragraphs.push(heading(CHANGED_SINCE_READY_HEADING, 2))
    for (const entry of changed) paragraphs.push(new Paragraph({ bullet: { level: 0 }, children: [new TextRun(entry.title)] }))
  }
  reports.forEach((entry, index) => {
    paragraphs.push(
      ...reportDocxParagraphs(readReportSource(entry.report, entry.template), entry.template, {
        headingLevel: 2,
        title: `${index + 1}. ${entry.title}`,
        note: readinessNote(entry.ready, changedSinceReadyOf(entry)),
        pageBreakBefore: true,
      }),
    )
  })
  return reportDocument(title, paragraphs)
}
