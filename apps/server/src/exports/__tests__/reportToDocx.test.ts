import { describe, expect, it } from 'vitest'
import {
  roundtableReportTemplate,
  southSouthMobilityReport,
  type QuoteConsent,
  type ReportContent,
} from '@rapporteur/template'
import { compiledReportToDocx } from '../compiledReportToDocx.js'
import { reportToDocx } from '../reportToDocx.js'
import { docxText } from './docxText.js'
import { readZipEntry, zipEntryNames } from './readZipEntry.js'

const ILO = 'https://www.ilo.org/global/publications/books/WCMS_652001/lang--en/index.htm'

function withQuote(consent: QuoteConsent): ReportContent {
  return {
    ...southSouthMobilityReport,
    quotes: [
      ...southSouthMobilityReport.quotes,
      { text: 'Borders should connect us.', speaker: 'Zanele Okonkwo-Marsh', affiliation: 'Ministry of Hidden Affairs', description: 'West African delegate', consent },
    ],
  }
}

describe('reportToDocx', () => {
  it('writes the seed report as a .docx with the template headings in order, nested bullets and links', async () => {
    const docx = await reportToDocx(southSouthMobilityReport, roundtableReportTemplate)
    expect(docx.subarray(0, 2).toString('latin1')).toBe('PK')
    expect(zipEntryNames(docx)).toContain('word/document.xml')
    const text = docxText(docx)
    const titles = ['South-South mobility and migration', ...roundtableReportTemplate.sections.map((section, index) => `${index + 1}. ${section.title}`)]
    const positions = titles.map((title) => text.split('\n').indexOf(title))
    expect(positions.every((position) => position >= 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    expect(text).toContain('— Anonymous (South-Asian country)')
    const xml = readZipEntry(docx, 'word/document.xml')
    expect(xml).toMatch(/<w:hyperlink [^>]*r:id="[^"]+"/)
    expect(readZipEntry(docx, 'word/_rels/document.xml.rels')).toContain(`Target="${ILO.replace(/&/g, '&amp;')}"`)
    // "Socio-economic reasons" is a bullet at level 0; its items one level deeper.
    const paragraph = (needle: string): string => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) => match[0]).find((p) => p.includes(needle)) ?? ''
    expect(paragraph('Socio-economic reasons')).toMatch(/<w:ilvl w:val="0"\/>/)
    expect(paragraph('Lack of decent jobs')).toMatch(/<w:ilvl w:val="1"\/>/)
  })

  it('names a quote speaker only when consent is approved, in one report and in the compiled report', async () => {
    for (const consent of ['pending', 'anonymous', 'approved'] as const) {
      const content = withQuote(consent)
      const single = docxText(await reportToDocx(content, roundtableReportTemplate))
      const compiled = docxText(
        await compiledReportToDocx({
          event: { title: 'Forum', closingAt: '2099-01-01T00:00:00Z' },
          reports: [{ title: 'Roundtable', template: roundtableReportTemplate, report: content, ready: null }],
        }),
      )
      for (const text of [single, compiled]) {
        expect(text).toContain('Borders should connect us.')
        if (consent === 'approved') expect(text).toContain('— Zanele Okonkwo-Marsh, Ministry of Hidden Affairs')
        else {
          expect(text).not.toMatch(/Zanele|Okonkwo|Hidden Affairs/)
          expect(text).toContain('— Anonymous (West African delegate)')
        }
      }
    }
  })

  it('compiles an event: title, contents, reports not ready, every report in order', async () => {
    const second: ReportContent = { meta: { title: 'Labour' }, sections: {}, quotes: [] }
    const text = docxText(
      await compiledReportToDocx({
        event: { title: 'Global Forum', closingAt: '2099-06-30T17:00:00Z' },
        reports: [
          { title: 'South-South', template: roundtableReportTemplate, report: southSouthMobilityReport, ready: { at: '2099-06-30T15:00:00Z', by: 'Amina' } },
          { title: 'Labour', template: roundtableReportTemplate, report: second, ready: null },
        ],
      }),
    )
    const lines = text.split('\n')
    expect(lines[0]).toBe('Global Forum — closing report')
    expect(lines).toContain('Closing session: 2099-06-30 17:00 UTC')
    expect(lines).toContain('1. South-South')
    expect(lines).toContain('2. Labour (not ready)')
    expect(lines.indexOf('Reports not marked ready')).toBeGreaterThan(0)
    expect(lines.indexOf('1. South-South')).toBeLessThan(lines.lastIndexOf('2. Labour'))
    expect(lines).toContain('Marked ready 2099-06-30 15:00 UTC by Amina.')
    expect(lines).toContain('Not marked ready.')
  })
})
