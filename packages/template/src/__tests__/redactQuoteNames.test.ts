import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addV1Quote } from './addV1Quote.js'
import { addQuote, readQuotes, redactQuoteNames, reportQuotes, sectionFragment, updateQuote } from '../index.js'
import { rewriteUpdateItems } from '../layout/rewriteUpdateItems.js'
import { scanUpdateItems } from '../layout/scanUpdateItems.js'
import { seededRandom } from './seededRandom.js'

const encoder = new TextEncoder()

function containsText(bytes: Uint8Array, text: string): boolean {
  const needle = encoder.encode(text)
  outer: for (let start = 0; start + needle.length <= bytes.length; start++) {
    for (let offset = 0; offset < needle.length; offset++) {
      if (bytes[start + offset] !== needle[offset]) continue outer
    }
    return true
  }
  return false
}


const WORDS = ['Amina', 'Diallo', 'ministry', 'é', '😀', 'labour', '', 'x']

/** One random edit of every kind of content Yjs encodes: text, formats, embeds, maps, arrays, XML, quotes. */
function randomEdit(doc: Y.Doc, random: () => number): void {
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T
  const text = doc.getText('text')
  switch (Math.floor(random() * 10)) {
    case 0:
      text.insert(Math.floor(random() * (text.length + 1)), pick(WORDS), random() < 0.3 ? { bold: true } : undefined)
      break
    case 1:
      if (text.length > 0) {
        const index = Math.floor(random() * text.length)
        text.delete(index, Math.min(text.length - index, 1 + Math.floor(random() * 3)))
      }
      break
    case 2:
      if (text.length > 0) text.format(0, Math.ceil(random() * text.length), { italic: random() < 0.5 ? true : null })
      else text.insertEmbed(0, { image: pick(WORDS) })
      break
    case 3:
      doc.getMap('meta').set(pick(['title', 'date', 'chair']), pick(WORDS))
      break
    case 4:
      doc.getMap('meta').set('blob', new Uint8Array([Math.floor(random() * 256), 1, 2]))
      break
    case 5: {
      const array = doc.getArray<unknown>('list')
      if (array.length > 0 && random() < 0.3) array.delete(Math.floor(random() * array.length))
      else array.insert(Math.floor(random() * (array.length + 1)), [pick(WORDS), Math.floor(random() * 1e6), { nested: [1.5, null, true] }])
      break
    }
    case 6: {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.setAttribute('level', String(Math.floor(random() * 3)))
      paragraph.insert(0, [new Y.XmlText(pick(WORDS))])
      sectionFragment(doc, 'summary').insert(0, [paragraph])
      break
    }
    case 7:
      addQuote(doc, { text: pick(WORDS), speaker: pick(WORDS), affiliation: pick(WORDS), consent: pick(['pending', 'approved', 'anonymous']) })
      break
    default: {
      const quotes = reportQuotes(doc)
      if (quotes.length === 0) break
      const index = Math.floor(random() * quotes.length)
      if (random() < 0.15) quotes.delete(index)
      else updateQuote(doc, index, { speaker: pick(WORDS), affiliation: pick(WORDS), consent: pick(['pending', 'approved', 'anonymous']) })
    }
  }
}

/** Random edits on three replicas that sync now and then; returns every update they emitted and their final states. */
function randomUpdates(seed: number, edits: number): { updates: Uint8Array[]; docs: Y.Doc[] } {
  const random = seededRandom(seed)
  const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()]
  const updates: Uint8Array[] = []
  for (const doc of docs) doc.on('update', (update: Uint8Array) => updates.push(update))
  for (let step = 0; step < edits; step++) {
    randomEdit(docs[Math.floor(random() * docs.length)] as Y.Doc, random)
    if (random() < 0.2) {
      const [from, to] = [docs[Math.floor(random() * 3)] as Y.Doc, docs[Math.floor(random() * 3)] as Y.Doc]
      Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
    }
  }
  for (const doc of docs) updates.push(Y.encodeStateAsUpdate(doc))
  return { updates, docs }
}

describe('scanUpdateItems / rewriteUpdateItems (the re-encoder)', () => {
  it('finds exactly the items Y.decodeUpdate finds, and rewrites updates byte-identically when nothing is withheld', () => {
    let checked = 0
    for (let seed = 1; seed <= 12; seed++) {
      for (const update of randomUpdates(seed, 120).updates) {
        const expected = Y.decodeUpdate(update)
          .structs.filter((struct): struct is Y.Item => struct instanceof Y.Item)
          .map((item) => [item.id.client, item.id.clock, item.length])
        expect(scanUpdateItems(update).map((item) => [item.client, item.clock, item.length])).toEqual(expected)
        const rewritten = rewriteUpdateItems(update, [])
        expect(rewritten).not.toBe(update)
        expect(rewritten).toEqual(update)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(500)
  }, 30_000)

  it('withheld items keep their ids and lengths: a replica applying the rewrite has the same state vector', () => {
    const { docs } = randomUpdates(7, 200)
    const source = docs[0] as Y.Doc
    const update = Y.encodeStateAsUpdate(source)
    const items = scanUpdateItems(update)
    const rewritten = rewriteUpdateItems(update, items.filter((_item, index) => index % 2 === 0))
    const replica = new Y.Doc()
    Y.applyUpdate(replica, rewritten)
    expect(Y.encodeStateVector(replica)).toEqual(Y.encodeStateVector(source))
    expect(scanUpdateItems(rewritten).map((item) => [item.client, item.clock, item.length])).toEqual(
      items.map((item) => [item.client, item.clock, item.length]),
    )
  })
})

/** `doc`'s quotes as a read-only reader should see them: names only where consent is approved. */
function quotesWithoutNames(doc: Y.Doc): ReturnType<typeof readQuotes> {
  return readQuotes(doc).map((quote) =>
    quote.consent === 'approved' ? quote : { ...quote, speaker: '', affiliation: '' },
  )
}

describe('redactQuoteNames', () => {
  it('applied to a whole document, gives a fresh doc the same document minus the names without consent', () => {
    let withheld = 0
    for (let seed = 100; seed < 130; seed++) {
      const source = randomUpdates(seed, 150).docs[0] as Y.Doc
      const update = Y.encodeStateAsUpdate(source)
      const redacted = redactQuoteNames(update, source)
      if (redacted !== update) withheld++
      const reader = new Y.Doc()
      Y.applyUpdate(reader, redacted)

      expect(readQuotes(reader)).toEqual(quotesWithoutNames(source))
      expect(reader.getText('text').toDelta()).toEqual(source.getText('text').toDelta())
      expect(reader.getMap('meta').toJSON()).toEqual(source.getMap('meta').toJSON())
      expect(reader.getArray('list').toJSON()).toEqual(source.getArray('list').toJSON())
      expect(sectionFragment(reader, 'summary').toString()).toBe(sectionFragment(source, 'summary').toString())
      expect(Y.encodeStateVector(reader)).toEqual(Y.encodeStateVector(source))
    }
    expect(withheld).toBeGreaterThan(20)
  })

  it('withholds a name set together with its quote (an item encoded with its map key)', () => {
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    addV1Quote(doc, { text: 'Mobility matters', speaker: 'Amina Diallo', affiliation: 'Ministry of Labour', consent: 'pending' })

    const update = updates[0] as Uint8Array
    expect(containsText(update, 'Amina Diallo')).toBe(true)
    const redacted = redactQuoteNames(update, doc)
    expect(containsText(redacted, 'Amina Diallo')).toBe(false)
    expect(containsText(redacted, 'Ministry of Labour')).toBe(false)
    const reader = new Y.Doc()
    Y.applyUpdate(reader, redacted)
    expect(readQuotes(reader)).toEqual([
      { text: 'Mobility matters', speaker: '', affiliation: '', description: '', consent: 'pending' },
    ])
    expect(reportQuotes(reader).get(0)?.get('speaker')).toBe('')
  })

  it("a reader's state merged into a writer's document (e.g. a shared browser cache) deletes and changes nothing", () => {
    const writer = new Y.Doc()
    addQuote(writer, { text: 'Quote', speaker: 'Amina Diallo', consent: 'pending' })
    updateQuote(writer, 0, { affiliation: 'Ministry of Labour' })
    const reader = new Y.Doc()
    Y.applyUpdate(reader, redactQuoteNames(Y.encodeStateAsUpdate(writer), writer))
    expect(readQuotes(reader)[0]).toMatchObject({ speaker: '', affiliation: '' })

    const before = Y.encodeStateAsUpdate(writer)
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(reader))
    expect(readQuotes(writer)[0]).toMatchObject({ speaker: 'Amina Diallo', affiliation: 'Ministry of Labour' })
    expect(Y.encodeStateAsUpdate(writer)).toEqual(before)
  })

  it('withholds a name set later (an item encoded with an origin, placed through the document)', () => {
    const doc = new Y.Doc()
    addQuote(doc, { text: 'Mobility matters' })
    const reader = new Y.Doc()
    Y.applyUpdate(reader, redactQuoteNames(Y.encodeStateAsUpdate(doc), doc))
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))

    updateQuote(doc, 0, { speaker: 'Amina Diallo', affiliation: 'Ministry of Labour' })
    const update = updates[0] as Uint8Array
    const scanned = scanUpdateItems(update)
    expect(scanned.length).toBe(2)
    expect(scanned.every((item) => item.parentSub === null)).toBe(true)
    const redacted = redactQuoteNames(update, doc)
    Y.applyUpdate(reader, redacted)

    expect(containsText(redacted, 'Amina Diallo')).toBe(false)
    expect(containsText(redacted, 'Ministry of Labour')).toBe(false)
    expect(readQuotes(reader)[0]).toMatchObject({ speaker: '', affiliation: '', text: 'Mobility matters', consent: 'anonymous' })
    expect(Y.encodeStateVector(reader)).toEqual(Y.encodeStateVector(doc))
  })

  it('withholds text nested under a name key (a Y.Text value instead of a string)', () => {
    const doc = new Y.Doc()
    addQuote(doc, { text: 'Quote', consent: 'pending' })
    const nested = new Y.Text()
    reportQuotes(doc).get(0)?.set('speaker', nested as unknown as string)
    nested.insert(0, 'Amina Diallo')
    const redacted = redactQuoteNames(Y.encodeStateAsUpdate(doc), doc)
    expect(containsText(redacted, 'Amina Diallo')).toBe(false)
    const reader = new Y.Doc()
    Y.applyUpdate(reader, redacted)
    expect(Y.encodeStateVector(reader)).toEqual(Y.encodeStateVector(doc))
  })

  it('returns the same array when consent is approved, when the update does not touch names, and with no quotes', () => {
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    addQuote(doc, { text: 'Quote', speaker: 'Amina Diallo', affiliation: 'Ministry of Labour', consent: 'approved' })
    const approved = updates[0] as Uint8Array
    expect(redactQuoteNames(approved, doc)).toBe(approved)
    const whole = Y.encodeStateAsUpdate(doc)
    expect(redactQuoteNames(whole, doc)).toBe(whole)

    addQuote(doc, { text: 'Other', consent: 'pending' })
    doc.getText('text').insert(0, 'typing in a section')
    const typing = updates[updates.length - 1] as Uint8Array
    expect(redactQuoteNames(typing, doc)).toBe(typing)

    const empty = new Y.Doc()
    empty.getText('text').insert(0, 'no quotes')
    const update = Y.encodeStateAsUpdate(empty)
    expect(redactQuoteNames(update, empty)).toBe(update)
  })

  it('follows the consent in the document: once it leaves approved, the same names are withheld', () => {
    const doc = new Y.Doc()
    addQuote(doc, { text: 'Quote', speaker: 'Amina Diallo', affiliation: 'Ministry of Labour', consent: 'approved' })
    updateQuote(doc, 0, { consent: 'pending' })
    const redacted = redactQuoteNames(Y.encodeStateAsUpdate(doc), doc)
    expect(containsText(redacted, 'Amina Diallo')).toBe(false)
    expect(containsText(redacted, 'Quote')).toBe(true)
  })
})
