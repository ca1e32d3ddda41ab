import { describe, expect, it } from 'vitest'
import {
  compileSection,
  defineTemplate,
  roundtableReportTemplate,
  southSouthMobilityReport,
  type CompiledReportEntry,
  type ReportContent,
  type SectionDefinition,
} from '../index.js'

const section = (id: string): SectionDefinition => {
  const found = roundtableReportTemplate.sections.find((candidate) => candidate.id === id)
  if (found === undefined) throw new Error(`no section ${id}`)
  return found
}

const labour: ReportContent = {
  meta: { title: 'Labour' },
  sections: { challenges: [{ type: 'paragraph', content: [{ type: 'text', text: 'Recognition of skills.' }] }] },
  quotes: [{ text: 'Skills travel.', speaker: 'Ines Quarrington', affiliation: 'Guild of Secret Names', description: '', consent: 'pending' }],
}

const entries: CompiledReportEntry[] = [
  { title: 'South-South', template: roundtableReportTemplate, report: southSouthMobilityReport, ready: { at: '2099-06-30T15:00:00Z', by: 'Amina' } },
  { title: 'Labour', template: roundtableReportTemplate, report: labour, ready: null },
]
const event = { title: 'Global Forum' }

describe('compileSection', () => {
  it('gathers one section of every roundtable, in order, under each roundtable title', () => {
    const { title, markdown } = compileSection({ event, section: section('challenges'), reports: entries })
    expect(title).toBe('Global Forum — Challenges')
    const headings = markdown.split('\n').filter((line) => line.startsWith('#'))
    expect(headings).toEqual(['# Global Forum — Challenges', '## 1. South-South', '## 2. Labour _(not ready)_'])
    expect(markdown).toContain('- Socio-economic reasons:\n  - Lack of decent jobs')
    expect(markdown.indexOf('Socio-economic')).toBeLessThan(markdown.indexOf('Recognition of skills.'))
    expect(markdown).not.toContain('The session was an opportunity')
  })

  it('attributes quotes through the Chatham House rule and says when a report has nothing', () => {
    const quotes = compileSection({ event, section: section('quotes'), reports: entries })
    expect(quotes.markdown).toContain('> — Anonymous (South-Asian country)')
    expect(quotes.markdown).toContain('> “Skills travel.”\n>\n> — Anonymous')
    for (const text of [quotes.markdown, quotes.html]) expect(text).not.toMatch(/Quarrington|Secret Names/)
    const agenda = compileSection({ event, section: section('agenda-2030'), reports: entries })
    expect(agenda.markdown.match(/_Nothing reported\._/g)).toHaveLength(2)
  })

  it('renders an escaped HTML page, and a report whose template lacks the section says so', () => {
    const other = defineTemplate({
      ...roundtableReportTemplate,
      id: 'other',
      sections: roundtableReportTemplate.sections.filter((candidate) => candidate.id !== 'challenges'),
    })
    const reports = [...entries, { title: '<Other>', template: other, report: labour, ready: null }]
    const { html, article } = compileSection({ event, section: section('challenges'), reports })
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).toContain(article)
    expect(article).toContain('<h2>2. Labour <span class="not-ready">(not ready)</span></h2>')
    expect(article).toContain('<h2>3. &lt;Other&gt; <span class="not-ready">(not ready)</span></h2>')
    expect(article).toContain("This roundtable&#39;s template has no such section.")
    expect(article).toContain('<li><p>Socio-economic reasons:</p><ul>')
  })
})
