import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addQuote,
  compileEventReport,
  reportToHtml,
  reportToMarkdown,
  roundtableReportTemplate,
  southSouthMobilityReport,
  writeReportContent,
  type QuoteConsent,
} from '../index.js'

const CONSENTS: QuoteConsent[] = ['pending', 'anonymous', 'approved']

/** Every text output of the template package for a report held in `doc`. */
function everyOutput(doc: Y.Doc): Record<string, string> {
  const compiled = compileEventReport({
    event: { title: 'Forum', closingAt: '2099-01-01T00:00:00Z' },
    reports: [{ title: 'Roundtable', template: roundtableReportTemplate, report: doc, ready: null }],
  })
  return {
    markdown: reportToMarkdown(doc, roundtableReportTemplate),
    html: reportToHtml(doc, roundtableReportTemplate),
    compiledMarkdown: compiled.markdown,
    compiledHtml: compiled.html,
  }
}

describe('the Chatham House rule in every output', () => {
  for (const consent of CONSENTS) {
    it(`names a ${consent} quote's speaker and affiliation ${consent === 'approved' ? 'everywhere' : 'nowhere'}`, () => {
      const doc = new Y.Doc()
      writeReportContent(doc, roundtableReportTemplate, southSouthMobilityReport)
      addQuote(doc, {
        text: 'Borders should connect us.',
        speaker: 'Zanele Okonkwo-Marsh',
        affiliation: 'Ministry of Hidden Affairs',
        description: 'West African delegate',
        consent,
      })
      for (const [format, text] of Object.entries(everyOutput(doc))) {
        expect(text, format).toContain('Borders should connect us.')
        if (consent === 'approved') {
          expect(text, format).toContain('Zanele Okonkwo-Marsh, Ministry of Hidden Affairs')
        } else {
          expect(text, format).not.toContain('Zanele')
          expect(text, format).not.toContain('Okonkwo')
          expect(text, format).not.toContain('Hidden Affairs')
          expect(text, format).toContain('Anonymous (West African delegate)')
        }
      }
    })
  }
})
