import { describe, expect, it } from 'vitest'
import {
  compileEventReport,
  roundtableReportTemplate,
  southSouthMobilityReport,
  type CompiledReportEntry,
  type ReportContent,
} from '../index.js'

const second: ReportContent = {
  meta: { title: 'Labour migration' },
  sections: { challenges: [{ type: 'paragraph', content: [{ type: 'text', text: 'Recognition of skills.' }] }] },
  quotes: [],
}

const entries: CompiledReportEntry[] = [
  {
    title: 'South-South mobility',
    template: roundtableReportTemplate,
    report: southSouthMobilityReport,
    ready: { at: '2099-06-30T15:00:00.000Z', by: 'Amina' },
  },
  { title: 'Labour migration', template: roundtableReportTemplate, report: second, ready: null },
]

const event = { title: 'Global Forum', closingAt: '2099-06-30T17:00:00Z' }

describe('compileEventReport', () => {
  it('compiles Markdown with the event, a table of contents, every report in order, and the reports not ready', () => {
    const { title, markdown } = compileEventReport({ event, reports: entries })
    expect(title).toBe('Global Forum — closing report')
    expect(markdown).toContain('**Closing session:** 2099-06-30 17:00 UTC')
    expect(markdown).toContain('## Contents\n\n1. South-South mobility\n2. Labour migration _(not ready)_')
    expect(markdown).toContain('## Reports not marked ready\n\n- Labour migration\n')
    const headings = markdown.split('\n').filter((line) => /^#{1,3} /.test(line))
    expect(headings.filter((line) => line.startsWith('## 1. ') || line.startsWith('## 2. '))).toEqual([
      '## 1. South-South mobility',
      '## 2. Labour migration',
    ])
    expect(headings.filter((line) => line.startsWith('### 1. Summary'))).toHaveLength(2)
    expect(markdown.indexOf('## 1. South-South mobility')).toBeLessThan(markdown.indexOf('## 2. Labour migration'))
    expect(markdown).toContain('_Marked ready 2099-06-30 15:00 UTC by Amina._')
    expect(markdown).toContain('_Not marked ready._')
    expect(markdown).toContain('> — Anonymous (South-Asian country)')
    expect(markdown).toContain('Recognition of skills.')
  })

  it('compiles a print-ready HTML page whose table of contents links to each report', () => {
    const { html } = compileEventReport({ event, reports: entries })
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).toContain('<li><a href="#report-1">South-South mobility</a></li>')
    expect(html).toContain('<li><a href="#report-2">Labour migration</a> <span class="not-ready">(not ready)</span></li>')
    expect(html).toContain('<article class="report" id="report-1">')
    expect(html).toContain('<h2>2. Labour migration</h2>')
    expect(html).toContain('<ul class="not-ready"><li>Labour migration</li></ul>')
    expect(html).toContain('— Anonymous (South-Asian country)')
  })

  it('says when every report is ready, and when there are none', () => {
    const ready = compileEventReport({ event, reports: [entries[0] as CompiledReportEntry] })
    expect(ready.markdown).toContain('Every report is marked ready.')
    expect(ready.html).toContain('Every report is marked ready.')
    const empty = compileEventReport({ event, reports: [] })
    expect(empty.markdown).toContain('_No roundtables._')
    expect(empty.markdown).not.toContain('not marked ready')
  })
})
