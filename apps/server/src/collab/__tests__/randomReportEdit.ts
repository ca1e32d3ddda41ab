import * as Y from 'yjs'

/** Rich-text sections edited by the random editor (fragments named by section id, as in the report layout). */
export const editedSections = ['summary', 'challenges', 'opportunities'] as const

/** A small seeded random source (mulberry32), so a failing run can be replayed with the same seeds. */
export class SeededRandom {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let mixed = this.state
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1)
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61)
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)] as T
  }
}

const words = ['migration', 'mobility', 'south', 'corridor', 'remittance', 'policy', 'youth', 'skills', 'data', '—']

/**
 * One random edit of a report document, as a typing user would make it: insert or delete text in a paragraph,
 * add or remove a paragraph, or add, change or remove a quote.
 */
export function randomReportEdit(doc: Y.Doc, random: SeededRandom): void {
  const roll = random.next()
  if (roll < 0.8) editSection(doc.getXmlFragment(random.pick(editedSections)), random)
  else editQuotes(doc.getArray<Y.Map<string>>('quotes'), random)
}

function editSection(fragment: Y.XmlFragment, random: SeededRandom): void {
  const roll = random.next()
  if (fragment.length === 0 || roll < 0.15) {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(random.pick(words))])
    fragment.insert(random.int(0, fragment.length), [paragraph])
    return
  }
  const index = random.int(0, fragment.length - 1)
  if (roll < 0.2 && fragment.length > 1) {
    fragment.delete(index, 1)
    return
  }
  const paragraph = fragment.get(index)
  if (!(paragraph instanceof Y.XmlElement)) return
  const text = paragraph.get(0)
  if (!(text instanceof Y.XmlText)) return
  if (roll < 0.75 || text.length < 4) {
    text.insert(random.int(0, text.length), ` ${random.pick(words)}`)
  } else {
    const start = random.int(0, text.length - 2)
    text.delete(start, random.int(1, Math.min(6, text.length - start)))
  }
}

function editQuotes(quotes: Y.Array<Y.Map<string>>, random: SeededRandom): void {
  const roll = random.next()
  if (quotes.length === 0 || roll < 0.4) {
    const quote = new Y.Map<string>()
    quote.set('text', random.pick(words))
    quote.set('consent', 'pending')
    quotes.insert(random.int(0, quotes.length), [quote])
  } else if (roll < 0.85) {
    const quote = quotes.get(random.int(0, quotes.length - 1))
    quote.set('text', `${quote.get('text') ?? ''} ${random.pick(words)}`)
    quote.set('consent', random.pick(['pending', 'approved', 'anonymous']))
  } else {
    quotes.delete(random.int(0, quotes.length - 1), 1)
  }
}

/** The report content as comparable strings: each edited section's XML and the quotes as JSON. */
export function reportSnapshot(doc: Y.Doc): Record<string, string> {
  const snapshot: Record<string, string> = {}
  for (const section of editedSections) snapshot[section] = doc.getXmlFragment(section).toString()
  snapshot.quotes = JSON.stringify(doc.getArray('quotes').toJSON())
  return snapshot
}
