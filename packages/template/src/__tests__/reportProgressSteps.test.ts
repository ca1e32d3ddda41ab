import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addQuote,
  defineTemplate,
  readQuotes,
  readRichNodes,
  reportProgress,
  reportProgressSteps,
  roundtableReportTemplate,
  sectionFragment,
  southSouthMobilityReport,
  writeReportContent,
  type ReportProgress,
  type TemplateDefinition,
} from '../index.js'
import { quotesProgress, richTextProgress } from '../progress/sectionProgress.js'
import { seededRandom } from './seededRandom.js'

/** The progress as it was computed before the steps: whole sections read as nodes, then counted at once. */
function readInOneGo(doc: Y.Doc, template: TemplateDefinition): ReportProgress {
  const quotes = readQuotes(doc)
  const sections = template.sections.map((section) =>
    section.kind === 'quotes'
      ? quotesProgress(
          section,
          quotes.map((quote) => quote.text),
        )
      : richTextProgress(section, readRichNodes(sectionFragment(doc, section.id)), template.conciseBulletWords),
  )
  const count = (consent: string): number => quotes.filter((quote) => quote.consent === consent).length
  return {
    templateId: template.id,
    sections,
    quotes: { total: quotes.length, pending: count('pending'), approved: count('approved'), anonymous: count('anonymous') },
    words: sections.reduce((sum, section) => sum + section.words, 0),
    characters: sections.reduce((sum, section) => sum + section.characters, 0),
  }
}

/** Runs the steps to their end: the result and how many times they yielded. */
function runSteps(doc: Y.Doc, template: TemplateDefinition): { progress: ReportProgress; yields: number } {
  const steps = reportProgressSteps(doc, template)
  let yields = 0
  for (;;) {
    const step = steps.next()
    if (step.done === true) return { progress: step.value, yields }
    expect(step.value).toBeUndefined()
    yields += 1
  }
}


// Words, spaces of several kinds, punctuation alone, non-Latin letters and digits, surrogate pairs (a letter
// outside the BMP, an emoji), and the two halves of a letter's surrogate pair apart (so runs may split it).
const PIECES = ['mobility', 'visa', ' ', '  ', '\n', '\t', '\u00a0', '—', '...', '!', 'ñandú', 'ليس', '42', '𝐀', '😀', '\ud835', '\udc00', '']
const ELEMENTS = ['paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'listItem', 'text', 'hardBreak']

function randomText(random: () => number): string {
  const length = Math.floor(random() * 8)
  return Array.from({ length }, () => PIECES[Math.floor(random() * PIECES.length)]).join('')
}

/** A random `Y.XmlText`: several runs with different formatting, and now and then an embed between them. */
function randomXmlText(random: () => number): Y.XmlText {
  const text = new Y.XmlText()
  const runs = 1 + Math.floor(random() * 3)
  const delta: Array<{ insert: string | object; attributes?: Record<string, unknown> }> = []
  for (let run = 0; run < runs; run++) {
    const attributes = random() < 0.5 ? { bold: true } : random() < 0.5 ? { link: { href: 'x' } } : undefined
    delta.push({ insert: randomText(random), ...(attributes === undefined ? {} : { attributes }) })
    if (random() < 0.1) delta.push({ insert: { image: 'x' } })
  }
  text.applyDelta(delta.filter((op) => op.insert !== ''))
  return text
}

/** Random children, any element anywhere (lists in bullets, bullets outside lists, elements named `text`). */
function randomChildren(random: () => number, depth: number): Array<Y.XmlElement | Y.XmlText> {
  const count = Math.floor(random() * 5)
  return Array.from({ length: count }, () => {
    if (depth >= 4 || random() < 0.4) return randomXmlText(random)
    const element = new Y.XmlElement(ELEMENTS[Math.floor(random() * ELEMENTS.length)])
    element.insert(0, randomChildren(random, depth + 1))
    return element
  })
}

function randomDoc(seed: number): Y.Doc {
  const random = seededRandom(seed)
  const doc = new Y.Doc()
  for (const section of roundtableReportTemplate.sections) {
    if (section.kind !== 'quotes') sectionFragment(doc, section.id).insert(0, randomChildren(random, 0))
  }
  const quotes = Math.floor(random() * 4)
  for (let index = 0; index < quotes; index++) {
    addQuote(doc, { text: randomText(random), consent: (['pending', 'approved', 'anonymous'] as const)[Math.floor(random() * 3)] })
  }
  return doc
}

const PARAGRAPH = `${'Participants discussed labour mobility, visas, remittances and skills recognition. '.repeat(6)}`.slice(0, 500)

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  element.insert(0, [new Y.XmlText(text)])
  return element
}

/** A report of about `bytes` characters of ~500-character paragraphs, spread over the rich-text sections. */
function largeDoc(bytes: number): Y.Doc {
  const doc = new Y.Doc()
  const sections = roundtableReportTemplate.sections.filter((section) => section.kind !== 'quotes')
  const perSection = Math.ceil(bytes / PARAGRAPH.length / sections.length)
  for (const section of sections) {
    sectionFragment(doc, section.id).insert(0, Array.from({ length: perSection }, () => paragraph(PARAGRAPH)))
  }
  return doc
}

describe('reportProgressSteps', () => {
  it('gives the seed report the same progress as reading it in one go', () => {
    const doc = new Y.Doc()
    writeReportContent(doc, roundtableReportTemplate, southSouthMobilityReport)
    const expected = readInOneGo(doc, roundtableReportTemplate)
    expect(expected.words).toBeGreaterThan(100)
    const { progress, yields } = runSteps(doc, roundtableReportTemplate)
    expect(progress).toEqual(expected)
    expect(yields).toBeGreaterThan(5)
    expect(reportProgress(doc, roundtableReportTemplate)).toEqual(expected)
  })

  it('gives random documents the same progress as reading them in one go', () => {
    const concise = defineTemplate({ ...roundtableReportTemplate, conciseBulletWords: 2 })
    let bullets = 0
    let longBullets = 0
    for (let seed = 1; seed <= 300; seed++) {
      const doc = randomDoc(seed)
      for (const template of [roundtableReportTemplate, concise]) {
        const expected = readInOneGo(doc, template)
        const { progress } = runSteps(doc, template)
        expect({ seed, progress }).toEqual({ seed, progress: expected })
        bullets += expected.sections.reduce((sum, section) => sum + section.bullets, 0)
        longBullets += expected.sections.reduce((sum, section) => sum + section.longBullets, 0)
      }
    }
    // The random documents did hold bullets, long and short.
    expect(bullets).toBeGreaterThan(longBullets)
    expect(longBullets).toBeGreaterThan(0)
  })

  it('counts words split across text runs, and across the halves of a surrogate pair, once', () => {
    const doc = new Y.Doc()
    const text = new Y.XmlText()
    text.insert(0, 'mobi')
    text.insert(4, 'lity and ', { bold: true })
    text.insert(13, '\ud835')
    text.insert(14, '\udc00', { italic: true })
    const element = new Y.XmlElement('paragraph')
    element.insert(0, [text, new Y.XmlText(' visas')])
    sectionFragment(doc, 'summary').insert(0, [element, new Y.XmlText('top'), new Y.XmlText('level')])
    const summary = runSteps(doc, roundtableReportTemplate).progress.sections[0]
    expect(summary).toEqual(readInOneGo(doc, roundtableReportTemplate).sections[0])
    expect(summary?.words).toBe(5)
  })

  it('yields more as the report grows, at least once per ~10 kB', () => {
    const small = runSteps(largeDoc(100_000), roundtableReportTemplate).yields
    const large = largeDoc(1_000_000)
    const { progress, yields } = runSteps(large, roundtableReportTemplate)
    expect(progress).toEqual(readInOneGo(large, roundtableReportTemplate))
    expect(progress.characters).toBeGreaterThanOrEqual(1_000_000)
    expect(yields).toBeGreaterThan(small * 5)
    expect(yields).toBeGreaterThanOrEqual(100)
  })

  it('yields inside one long list, one long block and a long run of quotes', () => {
    const doc = new Y.Doc()
    const list = new Y.XmlElement('bulletList')
    list.insert(
      0,
      Array.from({ length: 400 }, () => {
        const item = new Y.XmlElement('listItem')
        item.insert(0, [paragraph(PARAGRAPH)])
        return item
      }),
    )
    const quote = new Y.XmlElement('blockquote')
    quote.insert(0, Array.from({ length: 400 }, () => paragraph(PARAGRAPH)))
    sectionFragment(doc, 'challenges').insert(0, [list])
    sectionFragment(doc, 'opportunities').insert(0, [quote])
    for (let index = 0; index < 400; index++) addQuote(doc, { text: PARAGRAPH })
    const { progress, yields } = runSteps(doc, roundtableReportTemplate)
    expect(progress).toEqual(readInOneGo(doc, roundtableReportTemplate))
    expect(progress.sections[1]?.bullets).toBe(400)
    // Three top-level blocks of 200 kB each: only yields inside them make that many steps.
    expect(yields).toBeGreaterThanOrEqual(3 * 50)
  })
})

describe('reportProgressSteps with reuse', () => {
  it('takes the rich-text sections reuse gives, reads the others, and always reads quotes', () => {
    const doc = new Y.Doc()
    writeReportContent(doc, roundtableReportTemplate, southSouthMobilityReport)
    addQuote(doc, { text: 'One two three', speaker: 'A speaker', consent: 'pending' })
    const fresh = readInOneGo(doc, roundtableReportTemplate)
    const first = fresh.sections[0]
    if (first === undefined) throw new Error('the template has sections')
    const stale = { ...first, words: 999_999 }
    const asked: string[] = []
    const steps = reportProgressSteps(doc, roundtableReportTemplate, (section) => {
      asked.push(section.id)
      return section.id === first.sectionId ? stale : undefined
    })
    let step = steps.next()
    while (step.done !== true) step = steps.next()
    const progress = step.value
    expect(progress.sections[0]).toBe(stale)
    expect(progress.sections.slice(1)).toEqual(fresh.sections.slice(1))
    expect(progress.words).toBe(fresh.words - first.words + 999_999)
    const quoteSections = roundtableReportTemplate.sections.filter((section) => section.kind === 'quotes')
    expect(quoteSections.length).toBeGreaterThan(0)
    expect(asked).toEqual(roundtableReportTemplate.sections.filter((section) => section.kind !== 'quotes').map((section) => section.id))
  })
})
