import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addQuote,
  defineTemplate,
  reportProgress,
  roundtableReportTemplate,
  sectionFragment,
  southSouthMobilityReport,
  writeReportContent,
  writeRichNodes,
} from '../index.js'

const bySection = (doc: Y.Doc) =>
  Object.fromEntries(reportProgress(doc, roundtableReportTemplate).sections.map((section) => [section.sectionId, section]))

describe('reportProgress', () => {
  it('reads an empty report as empty everywhere', () => {
    const progress = reportProgress(new Y.Doc(), roundtableReportTemplate)
    expect(progress.sections.map((section) => section.state)).toEqual(Array(6).fill('empty'))
    expect(progress.words).toBe(0)
    expect(progress.quotes.total).toBe(0)
  })

  it('counts words, bullets and quotes of the seed report', () => {
    const doc = new Y.Doc()
    writeReportContent(doc, roundtableReportTemplate, southSouthMobilityReport)
    const sections = bySection(doc)
    expect(sections.summary?.state).toBe('substantial')
    expect(sections.summary?.bullets).toBe(0)
    expect(sections.challenges?.bullets).toBe(9)
    expect(sections.opportunities?.bullets).toBe(9)
    expect(sections['gcm-relevance']).toMatchObject({ state: 'substantial', words: 30 })
    expect(sections['agenda-2030']).toEqual({
      sectionId: 'agenda-2030',
      state: 'empty',
      words: 0,
      bullets: 0,
      longBullets: 0,
      characters: 0,
    })
    expect(sections.quotes?.words).toBe(24)
    expect(reportProgress(doc, roundtableReportTemplate).quotes).toEqual({ total: 1, pending: 0, approved: 0, anonymous: 1 })
  })

  it('counts the words of one section exactly, and flags bullets longer than the template allows', () => {
    const template = defineTemplate({ ...roundtableReportTemplate, conciseBulletWords: 3 })
    const doc = new Y.Doc()
    const item = (text: string) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] })
    writeRichNodes(sectionFragment(doc, 'challenges'), [
      { type: 'bulletList', content: [item('short one'), item('this bullet is far too long')] },
    ])
    addQuote(doc, { text: 'Quoted words', consent: 'pending' })
    const progress = reportProgress(doc, template)
    expect(progress.sections[1]).toEqual({
      sectionId: 'challenges',
      state: 'started',
      words: 8,
      bullets: 2,
      longBullets: 1,
      characters: 'short one'.length + 'this bullet is far too long'.length,
    })
    expect(progress.quotes.pending).toBe(1)
    expect(progress.words).toBe(10)
    expect(progress.characters).toBe(36 + 'Quoted words'.length)
  })
})
