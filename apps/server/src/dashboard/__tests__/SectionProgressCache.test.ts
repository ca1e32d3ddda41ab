import {
  addQuote,
  reportMeta,
  reportProgress,
  roundtableReportTemplate,
  sectionFragment,
  southSouthMobilityReport,
  writeReportContent,
  type ReportProgress,
} from '@rapporteur/template'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { randomReportEdit, SeededRandom } from '../../collab/__tests__/randomReportEdit.js'
import { reportStateSteps } from '../computeReportState.js'
import { SectionProgressCache, type SectionProgressRun } from '../SectionProgressCache.js'

const TEMPLATE = roundtableReportTemplate
const RICH_SECTIONS = TEMPLATE.sections.filter((section) => section.kind !== 'quotes').map((section) => section.id)

/** Runs one progress computation through the cache; `during` runs after the first step (an edit mid-run). */
function runWithCache(doc: Y.Doc, cache: SectionProgressCache, during?: () => void): { progress: ReportProgress; reused: string[] } {
  const run: SectionProgressRun = cache.begin()
  const reused: string[] = []
  const steps = reportStateSteps(doc, TEMPLATE, (section) => {
    const kept = run.reuse(section)
    if (kept !== undefined) reused.push(section.id)
    return kept
  })
  let step = steps.next()
  during?.()
  while (step.done !== true) step = steps.next()
  run.keep(step.value.progress.sections)
  return { progress: step.value.progress, reused }
}

function seededDoc(): Y.Doc {
  const doc = new Y.Doc()
  writeReportContent(doc, TEMPLATE, southSouthMobilityReport)
  return doc
}

/** Appends words to the first text of a section's first paragraph (or a new paragraph if it has none). */
function typeInto(doc: Y.Doc, sectionId: string, words: string): void {
  const fragment = sectionFragment(doc, sectionId)
  const first = fragment.get(0)
  if (first instanceof Y.XmlElement && first.get(0) instanceof Y.XmlText) {
    const text = first.get(0) as Y.XmlText
    text.insert(text.length, ` ${words}`)
    return
  }
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(words)])
  fragment.insert(fragment.length, [paragraph])
}

describe('SectionProgressCache', () => {
  it('reads every section first, then only the sections edited since', () => {
    const doc = seededDoc()
    const cache = new SectionProgressCache(doc)
    expect(runWithCache(doc, cache).reused).toEqual([])
    expect(runWithCache(doc, cache).reused).toEqual(RICH_SECTIONS)
    const [first, second] = RICH_SECTIONS
    if (first === undefined || second === undefined) throw new Error('the template has rich-text sections')
    typeInto(doc, second, 'added words here')
    const { progress, reused } = runWithCache(doc, cache)
    expect(reused).toEqual(RICH_SECTIONS.filter((id) => id !== second))
    expect(progress).toEqual(reportProgress(doc, TEMPLATE))
    cache.dispose()
  })

  it('reads a section again when it changed during the run that read it', () => {
    const doc = seededDoc()
    const cache = new SectionProgressCache(doc)
    runWithCache(doc, cache)
    const last = RICH_SECTIONS[RICH_SECTIONS.length - 1] ?? ''
    const first = RICH_SECTIONS[0] ?? ''
    // One edit in a section not read yet when it happens, one in a section already read.
    runWithCache(doc, cache, () => {
      typeInto(doc, last, 'late words')
      typeInto(doc, first, 'early words')
    })
    typeInto(doc, RICH_SECTIONS[1] ?? '', 'more')
    const { progress, reused } = runWithCache(doc, cache)
    expect(reused).not.toContain(first)
    expect(reused).not.toContain(last)
    expect(progress).toEqual(reportProgress(doc, TEMPLATE))
  })

  it('does not keep what a run that never finished read', () => {
    const doc = seededDoc()
    const cache = new SectionProgressCache(doc)
    const abandoned = cache.begin()
    const steps = reportStateSteps(doc, TEMPLATE, abandoned.reuse)
    while (steps.next().done !== true) {
      // read to the end but never kept
    }
    expect(runWithCache(doc, cache).reused).toEqual([])
  })

  it('counts a deleted paragraph, a formatting change and a nested list as changes of their section; meta and quotes as none', () => {
    const doc = seededDoc()
    const cache = new SectionProgressCache(doc)
    runWithCache(doc, cache)
    const [first, second, third] = RICH_SECTIONS
    if (first === undefined || second === undefined || third === undefined) throw new Error('three rich-text sections')
    sectionFragment(doc, first).delete(0, 1)
    const paragraph = sectionFragment(doc, second).get(0)
    if (!(paragraph instanceof Y.XmlElement)) throw new Error('a paragraph')
    const text = paragraph.get(0)
    if (!(text instanceof Y.XmlText)) throw new Error('a text')
    text.format(0, 3, { bold: true })
    const list = new Y.XmlElement('bulletList')
    const item = new Y.XmlElement('listItem')
    const itemParagraph = new Y.XmlElement('paragraph')
    itemParagraph.insert(0, [new Y.XmlText('a bullet of several words')])
    sectionFragment(doc, third).insert(0, [list])
    list.insert(0, [item])
    item.insert(0, [itemParagraph])
    reportMeta(doc).set('location', 'Room 4')
    addQuote(doc, { text: 'A quote', consent: 'pending' })
    const { progress, reused } = runWithCache(doc, cache)
    expect(reused).toEqual(RICH_SECTIONS.filter((id) => id !== first && id !== second && id !== third))
    expect(progress).toEqual(reportProgress(doc, TEMPLATE))
  })

  it('gives the progress a full read gives, over random edits between and during runs', () => {
    const random = new SeededRandom(7)
    const doc = seededDoc()
    const cache = new SectionProgressCache(doc)
    let reusedInAll = 0
    for (let round = 0; round < 200; round += 1) {
      const edits = random.int(0, 2)
      for (let edit = 0; edit < edits; edit += 1) randomReportEdit(doc, random)
      const during = random.next() < 0.3 ? () => randomReportEdit(doc, random) : undefined
      reusedInAll += runWithCache(doc, cache, during).reused.length
      // What every run kept is current for the sections untouched since: a run now reads what a full read reads.
      expect({ round, progress: runWithCache(doc, cache).progress }).toEqual({ round, progress: reportProgress(doc, TEMPLATE) })
    }
    expect(reusedInAll).toBeGreaterThan(200)
  })
})
