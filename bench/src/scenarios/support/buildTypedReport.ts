import * as Y from 'yjs'
import { REPORT_SECTIONS } from '../../documentText.js'
import type { SeedReport } from './SeedReport.js'
import { reportBodyText } from './reportBodyText.js'
import { seededRandom } from './seededRandom.js'

const WORDS = [
  'migration', 'labour', 'mobility', 'remittances', 'skills', 'partnership', 'governance', 'data', 'rights',
  'return', 'integration', 'climate', 'displacement', 'youth', 'women', 'regional', 'dialogue', 'policy',
  'the', 'of', 'and', 'to', 'in', 'for', 'with', 'a', 'that', 'on', 'is', 'by', 'participants', 'noted',
]
const RAPPORTEURS = 5
const KEYSTROKES_PER_PAGE_LOAD = 3_000
const SIZE_CHECK_EVERY = 4_000
const DEFAULT_CHUNK_BYTES = 32 * 1024
const KEYSTROKES_PER_GROUP = 40

export interface TypedReportOptions {
  /** Stop once `Y.encodeStateAsUpdate` of the report reaches this many bytes. */
  readonly targetBytes: number
  /** Seed of the pseudo-random typing (the same seed builds the same report). */
  readonly seed: number
  /** Size of the merged chunks the typing log is sent in (default 32 KiB). */
  readonly chunkBytes?: number
}

interface Typist {
  clientId: number
  keystrokesLeft: number
  section: string
  text: Y.XmlText
  cursor: number
  word: string
  wordOffset: number
}

/**
 * Builds a report the way rapporteurs write one: five rapporteurs take turns keystroke by keystroke, each
 * typing words at its cursor in a paragraph of a section, with backspaces, bold words, jumps back into earlier
 * text, new paragraphs, moves to other sections and page loads (a new Yjs client id every few thousand
 * keystrokes). Each keystroke is one Yjs transaction; the log of their updates is kept in order, merged into
 * chunks for sending.
 */
export function buildTypedReport(options: TypedReportOptions): SeedReport {
  const random = seededRandom(options.seed)
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES
  const doc = new Y.Doc()
  const chunks: Uint8Array[] = []
  // Merged in two levels (groups of keystrokes, then groups into a chunk): `Y.mergeUpdates` of thousands of
  // updates at once costs far more than of a few dozen.
  let group: Uint8Array[] = []
  let groups: Uint8Array[] = []
  let pendingBytes = 0
  const closeGroup = (): void => {
    if (group.length === 0) return
    groups.push(Y.mergeUpdates(group))
    group = []
  }
  const flushPending = (): void => {
    closeGroup()
    if (groups.length === 0) return
    chunks.push(Y.mergeUpdates(groups))
    groups = []
    pendingBytes = 0
  }
  doc.on('update', (update: Uint8Array) => {
    group.push(update)
    pendingBytes += update.byteLength
    if (group.length >= KEYSTROKES_PER_GROUP) closeGroup()
    if (pendingBytes >= chunkBytes) flushPending()
  })
  const clientIds = new Set<number>()
  const newClientId = (): number => {
    let id = 0
    while (id === 0 || clientIds.has(id)) id = Math.floor(random() * 0x7fffffff)
    clientIds.add(id)
    return id
  }
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
  const withClient = (clientId: number, change: () => void): void => {
    doc.clientID = clientId
    doc.transact(change)
  }

  const newParagraph = (typist: Typist, fragment: Y.XmlFragment, index: number): void => {
    const paragraph = new Y.XmlElement('paragraph')
    const text = new Y.XmlText()
    withClient(typist.clientId, () => {
      fragment.insert(index, [paragraph])
      paragraph.insert(0, [text])
    })
    typist.text = text
    typist.cursor = 0
  }
  const moveTo = (typist: Typist, section: string): void => {
    typist.section = section
    const fragment = doc.getXmlFragment(section)
    const paragraphs = fragment.toArray().filter((node): node is Y.XmlElement => node instanceof Y.XmlElement)
    const paragraph = paragraphs.length === 0 ? undefined : pick(paragraphs)
    const text = paragraph?.get(0)
    if (!(text instanceof Y.XmlText)) {
      newParagraph(typist, fragment, fragment.length)
      return
    }
    typist.text = text
    typist.cursor = Math.floor(random() * (text.length + 1))
  }

  const typists: Typist[] = []
  for (let index = 0; index < RAPPORTEURS; index += 1) {
    const typist: Typist = {
      clientId: newClientId(),
      keystrokesLeft: Math.floor(random() * KEYSTROKES_PER_PAGE_LOAD),
      section: '',
      text: new Y.XmlText(),
      cursor: 0,
      word: '',
      wordOffset: 0,
    }
    moveTo(typist, REPORT_SECTIONS[index % REPORT_SECTIONS.length] as string)
    typists.push(typist)
  }

  const quotes = doc.getArray<Y.Map<unknown>>('quotes')
  let keystrokes = 0
  for (;;) {
    if (keystrokes % SIZE_CHECK_EVERY === 0 && keystrokes > 0) {
      if (Y.encodeStateAsUpdate(doc).byteLength >= options.targetBytes) break
    }
    keystrokes += 1
    const typist = pick(typists)
    typist.keystrokesLeft -= 1
    if (typist.keystrokesLeft <= 0) {
      typist.clientId = newClientId()
      typist.keystrokesLeft = KEYSTROKES_PER_PAGE_LOAD
    }
    const text = typist.text
    typist.cursor = Math.min(typist.cursor, text.length)
    const roll = random()
    if (roll < 0.05 && typist.cursor > 0) {
      withClient(typist.clientId, () => text.delete(typist.cursor - 1, 1))
      typist.cursor -= 1
    } else if (roll < 0.06 && typist.cursor > 8) {
      withClient(typist.clientId, () => text.format(typist.cursor - 8, 8, { bold: true }))
    } else if (roll < 0.075) {
      typist.cursor = Math.floor(random() * (text.length + 1))
    } else if (roll < 0.078 || text.length > 300 + random() * 600) {
      const fragment = doc.getXmlFragment(typist.section)
      const parent = text.parent
      const index = parent instanceof Y.XmlElement ? fragment.toArray().indexOf(parent) + 1 : fragment.length
      newParagraph(typist, fragment, index > 0 ? index : fragment.length)
    } else if (roll < 0.0785) {
      moveTo(typist, pick(REPORT_SECTIONS))
    } else if (roll < 0.079) {
      withClient(typist.clientId, () => {
        // Layout v2 (docs/PROTOCOL.md): an id and Y.Text fields; the server refuses v1 strings.
        const quote = new Y.Map<unknown>()
        quotes.push([quote])
        quote.set('id', `q${Math.floor(random() * 2 ** 48).toString(16).padStart(12, '0')}${keystrokes.toString(16).padStart(12, '0')}`)
        quote.set('text', new Y.Text(`${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`))
        quote.set('speaker', new Y.Text(`Speaker ${Math.floor(random() * 40)}`))
      })
    } else {
      if (typist.wordOffset >= typist.word.length) {
        typist.word = `${pick(WORDS)} `
        typist.wordOffset = 0
      }
      const letter = typist.word[typist.wordOffset] ?? ' '
      typist.wordOffset += 1
      withClient(typist.clientId, () => text.insert(typist.cursor, letter))
      typist.cursor += 1
    }
  }
  flushPending()
  const state = Y.encodeStateAsUpdate(doc)
  const report: SeedReport = {
    chunks,
    keystrokes,
    clients: clientIds.size,
    state,
    stateVector: Y.decodeStateVector(Y.encodeStateVector(doc)),
    text: reportBodyText(doc),
  }
  doc.destroy()
  return report
}
