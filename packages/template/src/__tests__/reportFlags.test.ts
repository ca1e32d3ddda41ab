import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addQuote,
  type ReportFlag,
  reportFlags,
  reportProgress,
  roundtableReportTemplate,
  sectionFragment,
  southSouthMobilityReport,
  writeReportContent,
  writeRichNodes,
} from '../index.js'

const closingAt = '2030-12-07T15:30:00.000Z'
const at = (iso: string) => ({ now: new Date(iso), closingAt })
const rapporteur = { role: 'rapporteur' }
const ofKind = (kind: ReportFlag['kind'], flags: ReportFlag[]) => flags.filter((flag) => flag.kind === kind)

function seedProgress() {
  const doc = new Y.Doc()
  writeReportContent(doc, roundtableReportTemplate, southSouthMobilityReport)
  return reportProgress(doc, roundtableReportTemplate)
}

describe('reportFlags', () => {
  it('flags empty sections only from an hour before the closing session', () => {
    const report = { progress: seedProgress(), ready: null, present: [rapporteur], lastPresentAt: null }
    expect(ofKind('empty-sections', reportFlags(report, roundtableReportTemplate, at('2030-12-07T14:00:00Z')))).toEqual([])
    expect(ofKind('empty-sections', reportFlags(report, roundtableReportTemplate, at('2030-12-07T14:31:00Z')))).toEqual([
      { kind: 'empty-sections', sectionIds: ['agenda-2030'] },
    ])
  })

  it('flags long bullets and pending quotes', () => {
    const doc = new Y.Doc()
    const long = Array.from({ length: 45 }, (_, index) => `word${index}`).join(' ')
    writeRichNodes(sectionFragment(doc, 'summary'), [
      {
        type: 'bulletList',
        content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: long }] }] }],
      },
    ])
    addQuote(doc, { text: 'We will', consent: 'pending' })
    const report = { progress: reportProgress(doc, roundtableReportTemplate), ready: null, present: [rapporteur], lastPresentAt: null }
    expect(reportFlags(report, roundtableReportTemplate, at('2030-12-01T00:00:00Z'))).toEqual([
      { kind: 'long-bullets', sectionIds: ['summary'], count: 1 },
      { kind: 'pending-quotes', count: 1 },
    ])
  })

  it('flags the seed report\'s one bullet longer than forty words', () => {
    const report = { progress: seedProgress(), ready: null, present: [rapporteur], lastPresentAt: null }
    expect(ofKind('long-bullets', reportFlags(report, roundtableReportTemplate, at('2030-12-01T00:00:00Z')))).toEqual([
      { kind: 'long-bullets', sectionIds: ['opportunities'], count: 1 },
    ])
  })

  it('flags a report no rapporteur has been in for ten minutes, unless it is ready', () => {
    const absent = { progress: reportProgress(new Y.Doc(), roundtableReportTemplate), ready: null, present: [{ role: 'chair' }], lastPresentAt: '2030-12-01T10:00:00Z' }
    expect(reportFlags(absent, roundtableReportTemplate, at('2030-12-01T10:09:00Z'))).toEqual([])
    expect(reportFlags(absent, roundtableReportTemplate, at('2030-12-01T10:12:30Z'))).toEqual([{ kind: 'no-rapporteur', minutes: 12 }])
    expect(reportFlags({ ...absent, lastPresentAt: null }, roundtableReportTemplate, at('2030-12-01T10:00:00Z'))).toEqual([
      { kind: 'no-rapporteur', minutes: null },
    ])
    const ready = { ...absent, ready: { at: '2030-12-01T10:05:00Z', by: 'Amina' } }
    expect(reportFlags(ready, roundtableReportTemplate, at('2030-12-01T10:30:00Z'))).toEqual([])
  })
})
