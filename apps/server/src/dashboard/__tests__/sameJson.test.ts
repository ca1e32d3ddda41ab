import { roundtableReportTemplate, reportProgress, southSouthMobilityReport, writeReportContent } from '@rapporteur/template'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sameJson } from '../sameJson.js'

describe('sameJson', () => {
  it('tells equal data apart from different data, nested in objects and arrays', () => {
    expect(sameJson({ a: 1, b: [1, { c: 'x' }], d: null }, { d: null, b: [1, { c: 'x' }], a: 1 })).toBe(true)
    expect(sameJson({ a: 1, b: [1, { c: 'x' }] }, { a: 1, b: [1, { c: 'y' }] })).toBe(false)
    expect(sameJson([1, 2], [1, 2, 3])).toBe(false)
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false)
    expect(sameJson({ a: 1, b: 2 }, { a: 1, c: 2 })).toBe(false)
    expect(sameJson([], {})).toBe(false)
    expect(sameJson(null, {})).toBe(false)
    expect(sameJson('1', 1)).toBe(false)
    expect(sameJson({ ready: null }, { ready: { at: 't', by: 'b' } })).toBe(false)
  })

  it("agrees with comparing JSON texts on a report's progress before and after an edit", () => {
    const doc = new Y.Doc()
    writeReportContent(doc, roundtableReportTemplate, southSouthMobilityReport)
    const before = reportProgress(doc, roundtableReportTemplate)
    const again = reportProgress(doc, roundtableReportTemplate)
    doc.getXmlFragment('summary').insert(0, [new Y.XmlText('one more word')])
    const after = reportProgress(doc, roundtableReportTemplate)
    expect(sameJson(before, again)).toBe(JSON.stringify(before) === JSON.stringify(again))
    expect(sameJson(before, again)).toBe(true)
    expect(sameJson(before, after)).toBe(false)
  })
})
