import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  reportToHtml,
  reportToMarkdown,
  roundtableReportTemplate,
  southSouthMobilityReport,
  writeReportContent,
  type ReportContent,
} from '../index.js'

const ILO = 'https://www.ilo.org/global/publications/books/WCMS_652001/lang--en/index.htm'

function headings(html: string): string[] {
  return [...html.matchAll(/<h([1-6])>(.*?)<\/h\1>/g)].map((match) => `h${match[1]} ${match[2]}`)
}

describe('reportToHtml', () => {
  it('renders the seed report as a standalone print page with the template headings in order', () => {
    const html = reportToHtml(southSouthMobilityReport, roundtableReportTemplate)
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).toContain('<title>South-South mobility and migration</title>')
    expect(html).toContain('@media print')
    expect(headings(html)).toEqual([
      'h1 South-South mobility and migration',
      'h2 1. Summary / main discussion points',
      'h2 2. Challenges',
      'h2 3. Opportunities / good practices / innovations for the way forward',
      'h2 4. Relevance to the Global Compact for Migration and its follow-up, implementation and review',
      'h2 5. Contributions to the achievement of the Agenda 2030',
      'h2 6. Inspiring quotes',
    ])
  })

  it('keeps links, nested bullets, header fields and the anonymous quote', () => {
    const html = reportToHtml(southSouthMobilityReport, roundtableReportTemplate)
    expect(html).toContain(`<a href="${ILO}" rel="noopener noreferrer">${ILO}</a>`)
    expect(html).toMatch(/<li><p>Socio-economic reasons:<\/p><ul><li><p>Lack of decent jobs/)
    const withFields = { ...southSouthMobilityReport, meta: { ...southSouthMobilityReport.meta, session: 'Day 2, 14:00' } }
    expect(reportToHtml(withFields, roundtableReportTemplate)).toContain('<dl class="report-meta"><dt>')
    expect(reportToHtml(withFields, roundtableReportTemplate)).toContain('<dd>Day 2, 14:00</dd>')
    expect(html).toContain('— Anonymous (South-Asian country)</figcaption>')
    expect(html).toContain('<p class="nothing"><em>Nothing reported.</em></p>')
  })

  it('reads a document and its content alike', () => {
    const doc = new Y.Doc()
    writeReportContent(doc, roundtableReportTemplate, southSouthMobilityReport)
    expect(reportToHtml(doc, roundtableReportTemplate)).toBe(reportToHtml(southSouthMobilityReport, roundtableReportTemplate))
    expect(reportToMarkdown(doc, roundtableReportTemplate)).toBe(reportToMarkdown(southSouthMobilityReport, roundtableReportTemplate))
  })

  it('escapes every text and keeps only http, https and mailto links', () => {
    const hostile: ReportContent = {
      meta: { title: '<script>alert(1)</script>', session: '"><img src=x onerror=alert(1)>', rapporteurs: 'A & B' },
      sections: {
        summary: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'bad', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] },
              { type: 'text', text: ' quoted', marks: [{ type: 'link', attrs: { href: 'https://x.test/?a="b"&c=<d>' } }] },
              { type: 'text', text: ' mail', marks: [{ type: 'link', attrs: { href: 'mailto:someone@example.org' } }] },
              { type: 'text', text: ' <b>not bold</b>' },
            ],
          },
        ],
      },
      quotes: [{ text: '</figure><script>x</script>', speaker: '', affiliation: '', description: '<i>d</i>', consent: 'anonymous' }],
    }
    const html = reportToHtml(hostile, roundtableReportTemplate)
    expect(html).not.toMatch(/<script|<img|<b>|<i>|javascript:/)
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>')
    expect(html).toContain('<p>bad<a href="https://x.test/?a=&quot;b&quot;&amp;c=&lt;d&gt;" rel="noopener noreferrer"> quoted</a>')
    expect(html).toContain('<a href="mailto:someone@example.org" rel="noopener noreferrer"> mail</a>')
    expect(html).toContain('A &amp; B')
    expect(reportToMarkdown(hostile, roundtableReportTemplate)).not.toContain('javascript:')
  })
})
