import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { buildTypedReport } from '../buildTypedReport.js'
import { reportBodyText } from '../reportBodyText.js'

describe('buildTypedReport', () => {
  const report = buildTypedReport({ targetBytes: 20_000, seed: 11, chunkBytes: 4_096 })

  it('types until the report reaches the target size, with several clients and deletions', () => {
    expect(report.state.byteLength).toBeGreaterThanOrEqual(20_000)
    expect(report.keystrokes).toBeGreaterThan(1_000)
    expect(report.clients).toBeGreaterThanOrEqual(5)
    expect(report.chunks.length).toBeGreaterThan(1)
    const deletions = Y.decodeUpdate(report.state).ds.clients.size
    expect(deletions).toBeGreaterThan(0)
  })

  it('sends a log whose chunks, applied in order, make exactly the report', () => {
    const doc = new Y.Doc()
    for (const chunk of report.chunks) Y.applyUpdate(doc, chunk)
    expect(reportBodyText(doc)).toBe(report.text)
    expect(Y.decodeStateVector(Y.encodeStateVector(doc))).toEqual(report.stateVector)
    expect(doc.getXmlFragment('summary').length).toBeGreaterThan(0)
  })

  it('builds the same report from the same seed', () => {
    const again = buildTypedReport({ targetBytes: 20_000, seed: 11, chunkBytes: 4_096 })
    expect(again.state).toEqual(report.state)
  })
})
