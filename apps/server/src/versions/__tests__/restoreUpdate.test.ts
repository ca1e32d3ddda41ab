import {
  addQuote,
  markReportReady,
  readMetaField,
  readReportContent,
  readReportReady,
  roundtableReportTemplate,
  sectionFragment,
  setMetaField,
  southSouthMobilityReport,
  writeReportContent,
  writeRichNodes,
} from '@rapporteur/template'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { restoreUpdate } from '../restoreUpdate.js'

const template = roundtableReportTemplate

describe('restoreUpdate', () => {
  it('is one update that brings a document (and any copy of it) back to the version’s content', () => {
    const live = new Y.Doc()
    writeReportContent(live, template, southSouthMobilityReport)
    const version = new Y.Doc()
    Y.applyUpdate(version, Y.encodeStateAsUpdate(live))
    const editor = new Y.Doc()
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(live))

    // Later: the report changes a lot, and is marked ready.
    writeRichNodes(sectionFragment(live, 'summary'), [{ type: 'paragraph', content: [{ type: 'text', text: 'Replaced' }] }])
    setMetaField(live, 'session', 'Another session')
    addQuote(live, { text: 'Added later', consent: 'approved' })
    markReportReady(live, 'Amina', new Date('2026-05-01T10:00:00Z'))
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(live, Y.encodeStateVector(editor)))

    const update = restoreUpdate(live, version, template)
    Y.applyUpdate(live, update)
    Y.applyUpdate(editor, update)

    const versionContent = readReportContent(version, template)
    // Header fields the version never had come back empty.
    const meta = Object.fromEntries(template.meta.map((field) => [field.id, versionContent.meta[field.id] ?? '']))
    const expected = { ...versionContent, meta }
    expect(readReportContent(live, template)).toEqual(expected)
    expect(readReportContent(editor, template)).toEqual(expected)
    // Readiness is left as it was.
    expect(readReportReady(live)).toEqual({ at: '2026-05-01T10:00:00.000Z', by: 'Amina' })
  })

  it('empties header fields the version did not have', () => {
    const version = new Y.Doc()
    const live = new Y.Doc()
    setMetaField(live, 'session', 'Set later')
    Y.applyUpdate(live, restoreUpdate(live, version, template))
    expect(readMetaField(live, 'session')).toBe('')
  })
})
