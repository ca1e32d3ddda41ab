import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  compileEventReport,
  compileSection,
  reportToHtml,
  reportToMarkdown,
  roundtableReportTemplate,
  type Quote,
  type QuoteConsent,
  type ReportContent,
  type RichNode,
} from '@rapporteur/template'
import { compiledReportToDocx } from '../compiledReportToDocx.js'
import { reportToDocx } from '../reportToDocx.js'
import { docxText } from './docxText.js'

// Every other text is drawn from lowercase letters and spaces, so a marker (capitals and digits) in an output can
// only have come from the quote it names.
const words = fc.stringMatching(/^[a-z]{1,8}( [a-z]{1,8}){0,6}$/)
const paragraph = words.map((text): RichNode => ({ type: 'paragraph', content: [{ type: 'text', text }] }))
const bulletList = fc.array(words, { minLength: 1, maxLength: 3 }).map(
  (items): RichNode => ({ type: 'bulletList', content: items.map((text) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })) }),
)
const sectionBody = fc.array(fc.oneof(paragraph, bulletList), { maxLength: 3 })
const consent = fc.constantFrom<QuoteConsent>('anonymous', 'pending', 'approved')

/** A quote whose speaker and affiliation are markers unique to it (`SPKR3Q…`, `ORG3Q…`). */
function quoteArbitrary(index: number): fc.Arbitrary<Quote> {
  return fc
    .record({ text: words, description: fc.oneof(fc.constant(''), words), consent, speakerTag: fc.nat(999), orgTag: fc.nat(999), named: fc.boolean() })
    .map(({ text, description, consent: state, speakerTag, orgTag, named }) => ({
      text,
      description,
      consent: state,
      speaker: `SPKR${index}Q${speakerTag}X`,
      // Sometimes only a speaker: the rule must hold for each field on its own.
      affiliation: named ? `ORG${index}Q${orgTag}X` : '',
    }))
}

const quotes = fc.integer({ min: 0, max: 4 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_unused, index) => quoteArbitrary(index))))

const report = fc.record({ title: words, summary: sectionBody, challenges: sectionBody, opportunities: sectionBody, quotes }).map(
  ({ title, summary, challenges, opportunities, quotes: drawn }): ReportContent => ({
    meta: { title },
    sections: { summary, challenges, opportunities },
    quotes: drawn,
  }),
)

/** The identifying strings of each quote: those that must appear (approved) and those that must not. */
function identities(reports: readonly ReportContent[]): { shown: string[]; hidden: string[] } {
  const shown: string[] = []
  const hidden: string[] = []
  for (const quote of reports.flatMap((content) => content.quotes)) {
    const names = [quote.speaker, quote.affiliation].filter(Boolean)
    if (quote.consent === 'approved') shown.push(...names)
    else hidden.push(...names)
  }
  return { shown, hidden }
}

/** The report's markers made unique to the `index`-th report of an event (suffix `R<index>`). */
function unique(content: ReportContent, index: number): ReportContent {
  const suffix = (text: string): string => (text === '' ? '' : `${text}R${index}`)
  return { ...content, quotes: content.quotes.map((quote) => ({ ...quote, speaker: suffix(quote.speaker), affiliation: suffix(quote.affiliation) })) }
}

function expectRule(output: string, label: string, reports: readonly ReportContent[]): void {
  const { shown, hidden } = identities(reports)
  for (const name of hidden) expect(output.includes(name), `${label} names ${name} without consent`).toBe(false)
  for (const name of shown) expect(output.includes(name), `${label} lacks approved ${name}`).toBe(true)
  expect(output.includes('Anonymous'), `${label} shows "Anonymous" exactly when a quote is not approved`).toBe(
    reports.some((content) => content.quotes.some((quote) => quote.consent !== 'approved')),
  )
}

describe('Chatham House rule, for random reports and consent states', () => {
  it('no export of one report names a speaker or affiliation whose consent is not approved; approved ones are named', async () => {
    await fc.assert(
      fc.asyncProperty(report, async (content) => {
        const template = roundtableReportTemplate
        expectRule(reportToMarkdown(content, template), 'Markdown', [content])
        expectRule(reportToHtml(content, template), 'HTML', [content])
        expectRule(docxText(await reportToDocx(content, template)), 'DOCX', [content])
      }),
      { numRuns: 100 },
    )
  })

  it('nor does the compiled report of an event in any format, nor its quotes section across roundtables', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(report, { minLength: 1, maxLength: 3 }), fc.boolean(), async (drawn, ready) => {
        const contents = drawn.map((content, index) => unique(content, index))
        const input = {
          event: { title: 'forum', closingAt: '2099-06-30T17:00:00Z' },
          reports: contents.map((content, index) => ({
            title: `roundtable ${'abc'[index] ?? 'z'}`,
            template: roundtableReportTemplate,
            report: content,
            ready: ready ? { at: '2099-06-30T15:00:00Z', by: 'chair' } : null,
          })),
        }
        const compiled = compileEventReport(input)
        expectRule(compiled.markdown, 'compiled Markdown', contents)
        expectRule(compiled.html, 'compiled HTML', contents)
        expectRule(docxText(await compiledReportToDocx(input)), 'compiled DOCX', contents)
        const quotesSection = roundtableReportTemplate.sections.find((section) => section.kind === 'quotes')
        if (quotesSection === undefined) throw new Error('The template has no quotes section')
        const across = compileSection({ event: input.event, section: quotesSection, reports: input.reports })
        expectRule(across.markdown, 'section across roundtables, Markdown', contents)
        expectRule(across.html, 'section across roundtables, HTML', contents)
      }),
      { numRuns: 60 },
    )
  })
})
