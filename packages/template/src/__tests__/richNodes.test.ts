import { getSchema } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirror } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  readRichNodes,
  reportToMarkdown,
  roundtableReportTemplate,
  sectionFragment,
  southSouthMobilityReport,
  writeReportContent,
  writeRichNodes,
} from '../index.js'

const schema = getSchema([StarterKit])
const editorJson = (content: unknown): unknown => schema.nodeFromJSON({ type: 'doc', content }).toJSON()

describe('rich nodes in a section fragment', () => {
  it('round-trips through the fragment unchanged', () => {
    const doc = new Y.Doc()
    const nodes = southSouthMobilityReport.sections.challenges ?? []
    writeRichNodes(sectionFragment(doc, 'challenges'), nodes)
    expect(readRichNodes(sectionFragment(doc, 'challenges'))).toEqual(nodes)
  })

  it('writes what the Tiptap editor reads: the seed sections open as the same document', () => {
    const doc = new Y.Doc()
    writeReportContent(doc, roundtableReportTemplate, southSouthMobilityReport)
    for (const [sectionId, nodes] of Object.entries(southSouthMobilityReport.sections)) {
      if (nodes.length === 0) continue
      const opened = yXmlFragmentToProsemirror(schema, sectionFragment(doc, sectionId)).toJSON()
      expect(opened, sectionId).toEqual(editorJson(nodes))
    }
  })

  it('reads what the Tiptap editor writes', () => {
    const written = new Y.Doc()
    const ours = new Y.Doc()
    writeReportContent(ours, roundtableReportTemplate, southSouthMobilityReport)
    writeReportContent(written, roundtableReportTemplate, { ...southSouthMobilityReport, sections: {} })
    for (const [sectionId, nodes] of Object.entries(southSouthMobilityReport.sections)) {
      prosemirrorJSONToYXmlFragment(schema, editorJson(nodes), sectionFragment(written, sectionId))
    }
    expect(reportToMarkdown(written, roundtableReportTemplate)).toBe(reportToMarkdown(ours, roundtableReportTemplate))
  })

  it('replaces earlier content instead of appending to it', () => {
    const doc = new Y.Doc()
    const fragment = sectionFragment(doc, 'summary')
    writeRichNodes(fragment, [{ type: 'paragraph', content: [{ type: 'text', text: 'first' }] }])
    writeRichNodes(fragment, [{ type: 'paragraph', content: [{ type: 'text', text: 'second' }] }])
    expect(readRichNodes(fragment)).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'second' }] }])
  })
})
