import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { clearReportReady, markReportReady, readReportReady, reportMeta } from '../index.js'

describe('report readiness', () => {
  it('is recorded in meta, by whom and when, and can be withdrawn', () => {
    const doc = new Y.Doc()
    expect(readReportReady(doc)).toBeNull()
    markReportReady(doc, 'Amina', new Date('2030-12-07T14:00:00Z'))
    expect(readReportReady(doc)).toEqual({ at: '2030-12-07T14:00:00.000Z', by: 'Amina' })
    expect(reportMeta(doc).get('ready')).toBe('2030-12-07T14:00:00.000Z')
    clearReportReady(doc)
    expect(readReportReady(doc)).toBeNull()
  })
})
