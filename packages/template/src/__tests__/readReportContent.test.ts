import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  markReportReady,
  readReportContent,
  roundtableReportTemplate,
  southSouthMobilityReport,
  writeReportContent,
} from '../index.js'

const template = roundtableReportTemplate

/** The seed as the template sees it: its header fields, its rich-text sections, its quotes. */
function expectedContent() {
  const meta: Record<string, string> = {}
  for (const field of template.meta) {
    const value = southSouthMobilityReport.meta[field.id]
    if (value !== undefined) meta[field.id] = value
  }
  const sections: Record<string, unknown> = {}
  for (const section of template.sections) {
    if (section.kind === 'rich-text') sections[section.id] = southSouthMobilityReport.sections[section.id] ?? []
  }
  return { meta, sections, quotes: southSouthMobilityReport.quotes }
}

describe('readReportContent', () => {
  it('reads back what writeReportContent wrote', () => {
    const doc = new Y.Doc()
    writeReportContent(doc, template, southSouthMobilityReport)
    expect(readReportContent(doc, template)).toEqual(expectedContent())
  })

  it('round-trips through a copy of the document made from its update', () => {
    const doc = new Y.Doc()
    writeReportContent(doc, template, southSouthMobilityReport)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    expect(readReportContent(copy, template)).toEqual(readReportContent(doc, template))
  })

  it('reads an empty document as empty sections, no quotes, no header fields', () => {
    const content = readReportContent(new Y.Doc(), template)
    expect(content.meta).toEqual({})
    expect(content.quotes).toEqual([])
    for (const section of template.sections.filter((each) => each.kind === 'rich-text')) {
      expect(content.sections[section.id]).toEqual([])
    }
  })

  it('leaves readiness out of the content', () => {
    const doc = new Y.Doc()
    writeReportContent(doc, template, southSouthMobilityReport)
    markReportReady(doc, 'Ana', new Date('2026-01-01T10:00:00Z'))
    const content = readReportContent(doc, template)
    expect(content.meta).not.toHaveProperty('ready')
    expect(content.meta).not.toHaveProperty('readyBy')
  })
})
