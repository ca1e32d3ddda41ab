import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addQuote,
  attributeQuote,
  reportToMarkdown,
  roundtableReportTemplate,
  southSouthMobilityReport,
  updateQuote,
  writeReportContent,
} from '../index.js'

function seedReport(): Y.Doc {
  const doc = new Y.Doc()
  writeReportContent(doc, roundtableReportTemplate, southSouthMobilityReport)
  return doc
}

describe('reportToMarkdown', () => {
  it('renders the seed report with its sections in template order', () => {
    const markdown = reportToMarkdown(seedReport(), roundtableReportTemplate)
    const headings = markdown.split('\n').filter((line) => line.startsWith('#'))
    expect(headings).toEqual([
      '# South-South mobility and migration',
      '## 1. Summary / main discussion points',
      '## 2. Challenges',
      '## 3. Opportunities / good practices / innovations for the way forward',
      '## 4. Relevance to the Global Compact for Migration and its follow-up, implementation and review',
      '## 5. Contributions to the achievement of the Agenda 2030',
      '## 6. Inspiring quotes',
    ])
  })

  it('keeps links, nesting and empty sections visible', () => {
    const markdown = reportToMarkdown(seedReport(), roundtableReportTemplate)
    expect(markdown).toContain(
      '[https://www.ilo.org/global/publications/books/WCMS\\_652001/lang--en/index.htm](https://www.ilo.org/global/publications/books/WCMS_652001/lang--en/index.htm)',
    )
    expect(markdown).toContain('- Socio-economic reasons:\n  - Lack of decent jobs and sustainable employment and structural unemployment;')
    expect(markdown).toContain('## 5. Contributions to the achievement of the Agenda 2030\n\n_Nothing reported._')
  })

  it('attributes the seed quote anonymously', () => {
    const markdown = reportToMarkdown(seedReport(), roundtableReportTemplate)
    expect(markdown).toContain('> — Anonymous (South-Asian country)\n')
  })

  it('names a speaker only once consent is approved', () => {
    const doc = new Y.Doc()
    addQuote(doc, { text: 'We must act.', speaker: 'A. Speaker', affiliation: 'Some Ministry', consent: 'pending' })
    expect(reportToMarkdown(doc, roundtableReportTemplate)).toContain('> — Anonymous\n')
    expect(reportToMarkdown(doc, roundtableReportTemplate)).not.toContain('A. Speaker')
    updateQuote(doc, 0, { consent: 'approved' })
    expect(reportToMarkdown(doc, roundtableReportTemplate)).toContain('> — A. Speaker, Some Ministry\n')
  })
})

describe('attributeQuote', () => {
  const quote = { speaker: 'A. Speaker', affiliation: 'Org', description: 'civil society', consent: 'anonymous' as const }
  it('follows the Chatham House rule', () => {
    expect(attributeQuote(quote)).toBe('Anonymous (civil society)')
    expect(attributeQuote({ ...quote, consent: 'pending' })).toBe('Anonymous (civil society)')
    expect(attributeQuote({ ...quote, consent: 'approved' })).toBe('A. Speaker, Org')
    expect(attributeQuote({ ...quote, consent: 'approved', speaker: '', affiliation: '' })).toBe('Anonymous (civil society)')
  })
})
