import * as Y from 'yjs'

/** A seeded pseudo-random generator (mulberry32): numbers in [0, 1). Random Yjs editing histories for tests
 * below are built from it, so a failing case can be rebuilt from its seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export type Random = () => number

export const int = (random: Random, below: number): number => Math.floor(random() * below)
export const pick = <T>(random: Random, values: readonly T[]): T => values[int(random, values.length)] as T

const pieces = ['a', 'bc', 'déf', ' ', 'ghij ', '—', '’', '中文', '😀', 'x😀y', '\n', 'klmno ']

function randomText(random: Random): string {
  let text = ''
  for (let i = 1 + int(random, 4); i > 0; i--) text += pick(random, pieces)
  return text
}

function randomValue(random: Random, depth = 0): unknown {
  switch (int(random, depth > 1 ? 6 : 8)) {
    case 0:
      return int(random, 1000) - 500
    case 1:
      return random() * 1e6
    case 2:
      return randomText(random)
    case 3:
      return null
    case 4:
      return random() < 0.5
    case 5:
      return new Uint8Array([int(random, 256), int(random, 256), 7])
    case 6:
      return { n: int(random, 10), s: randomText(random), inner: randomValue(random, depth + 1) }
    default:
      return [randomValue(random, depth + 1), randomText(random), -1]
  }
}

/** Texts, arrays and xml elements reachable from a doc's roots, to edit. */
function editables(doc: Y.Doc): { texts: Y.Text[]; arrays: Y.Array<unknown>[]; maps: Y.Map<unknown>[]; xml: Y.XmlElement[] } {
  const texts: Y.Text[] = [doc.getText('text')]
  const arrays: Y.Array<unknown>[] = [doc.getArray('array')]
  const maps: Y.Map<unknown>[] = [doc.getMap('map')]
  const xml: Y.XmlElement[] = []
  const visit = (value: unknown): void => {
    if (value instanceof Y.XmlText) texts.push(value)
    else if (value instanceof Y.Text) texts.push(value)
    else if (value instanceof Y.Array) {
      arrays.push(value)
      value.forEach(visit)
    } else if (value instanceof Y.Map) {
      maps.push(value)
      value.forEach(visit)
    } else if (value instanceof Y.XmlElement) {
      xml.push(value)
      value.toArray().forEach(visit)
    }
  }
  doc.getArray('array').forEach(visit)
  doc.getMap('map').forEach(visit)
  doc.getXmlFragment('xml').toArray().forEach(visit)
  return { texts, arrays, maps, xml }
}

export function randomEdit(doc: Y.Doc, random: Random, formatting: boolean): void {
  const { texts, arrays, maps, xml } = editables(doc)
  const fragment = doc.getXmlFragment('xml')
  switch (int(random, 12)) {
    case 0:
    case 1: {
      const text = pick(random, texts)
      text.insert(int(random, text.length + 1), randomText(random), formatting && random() < 0.2 ? { bold: true } : undefined)
      break
    }
    case 2: {
      const text = pick(random, texts)
      if (text.length > 0) {
        const index = int(random, text.length)
        text.delete(index, Math.min(text.length - index, 1 + int(random, 4)))
      }
      break
    }
    case 3: {
      const text = pick(random, texts)
      if (text.length > 0 && formatting) text.format(int(random, text.length), 1 + int(random, 3), { italic: random() < 0.7 ? true : null })
      else text.insertEmbed(0, { image: randomText(random) })
      break
    }
    case 4: {
      const map = pick(random, maps)
      map.set(pick(random, ['a', 'b', 'c', 'd']), randomValue(random))
      break
    }
    case 5: {
      const map = pick(random, maps)
      const key = pick(random, ['a', 'b', 'nested'])
      if (random() < 0.3) map.delete(key)
      else map.set(key, random() < 0.5 ? new Y.Map() : new Y.Text(randomText(random)))
      break
    }
    case 6: {
      const array = pick(random, arrays)
      array.insert(int(random, array.length + 1), [randomValue(random), randomValue(random)])
      break
    }
    case 7: {
      const array = pick(random, arrays)
      if (array.length > 0) array.delete(int(random, array.length), 1)
      else array.insert(0, [random() < 0.5 ? new Y.Array() : new Y.Map()])
      break
    }
    case 8: {
      const parent = xml.length > 0 && random() < 0.6 ? pick(random, xml) : fragment
      const element = new Y.XmlElement(pick(random, ['paragraph', 'heading', 'quote']))
      element.setAttribute('level', String(int(random, 4)))
      const text = new Y.XmlText()
      text.insert(0, randomText(random))
      element.insert(0, [text])
      parent.insert(int(random, parent.length + 1), [element])
      break
    }
    case 9: {
      if (xml.length === 0) break
      const element = pick(random, xml)
      if (random() < 0.5) element.setAttribute('class', randomText(random))
      else if (element.length > 0) element.delete(int(random, element.length), 1)
      break
    }
    case 10: {
      if (random() < 0.3) doc.getMap('map').set('sub', new Y.Doc({ guid: `sub-${int(random, 1e6)}` }))
      else pick(random, arrays).insert(0, [new Y.Text(randomText(random))])
      break
    }
    default: {
      const array = pick(random, arrays)
      if (array.length > 1) array.delete(0, Math.min(array.length, 2))
      else array.push([randomText(random)])
    }
  }
}

export interface RandomHistory {
  docs: Y.Doc[]
  /** Every update any of the docs produced, in order. */
  updates: Uint8Array[]
}

/** 1–4 docs editing and now and then exchanging their state. */
export function randomHistory(seed: number, gc: boolean, edits: number, formatting = false): RandomHistory {
  const random = seededRandom(seed)
  const docs = Array.from({ length: 1 + int(random, 4) }, (_, i) => {
    const doc = new Y.Doc({ gc })
    doc.clientID = 1000 + seed * 10 + i
    return doc
  })
  const updates: Uint8Array[] = []
  for (const doc of docs) doc.on('update', (update: Uint8Array, origin: unknown) => origin === 'sync' || updates.push(update))
  for (let i = 0; i < edits; i++) {
    const doc = pick(random, docs)
    if (random() < 0.7) doc.transact(() => randomEdit(doc, random, formatting))
    else randomEdit(doc, random, formatting)
    if (random() < 0.1 && docs.length > 1) {
      const other = pick(random, docs)
      Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)), 'sync')
    }
  }
  return { docs, updates }
}
