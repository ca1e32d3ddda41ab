import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addQuoteEntry,
  metaFieldText,
  quoteFieldText,
  readMetaField,
  readQuoteEntries,
  readReportContent,
  removeQuoteById,
  replaceText,
  reportMeta,
  reportQuotes,
  roundtableReportTemplate,
  setMetaField,
  updateQuoteById,
  upgradeReportLayout,
  writesOldLayout,
} from '../index.js'
import { addV1Quote } from './addV1Quote.js'
import { seededRandom } from './seededRandom.js'

const template = roundtableReportTemplate

/** Exchanges what two replicas lack, both ways. */
function exchange(a: Y.Doc, b: Y.Doc): void {
  const toB = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))
  const toA = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))
  Y.applyUpdate(b, toB)
  Y.applyUpdate(a, toA)
}

function replicaOf(source: Y.Doc, clientID: number): Y.Doc {
  const doc = new Y.Doc()
  doc.clientID = clientID
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source))
  return doc
}

/** The update `change` makes on `doc`. */
function updateOf(doc: Y.Doc, change: () => void): Uint8Array {
  let update: Uint8Array | null = null
  const listener = (bytes: Uint8Array): void => {
    update = bytes
  }
  doc.on('update', listener)
  change()
  doc.off('update', listener)
  if (update === null) throw new Error('no update')
  return update
}

describe('layout v2', () => {
  it('keeps both of two concurrent insertions into one header field', () => {
    const origin = new Y.Doc()
    setMetaField(origin, 'title', 'Mobility')
    const a = replicaOf(origin, 11)
    const b = replicaOf(origin, 12)
    setMetaField(a, 'title', 'South-South Mobility')
    setMetaField(b, 'title', 'Mobility and migration')
    exchange(a, b)
    expect(readMetaField(a, 'title')).toBe('South-South Mobility and migration')
    expect(readMetaField(b, 'title')).toBe(readMetaField(a, 'title'))
  })

  it('keeps both of two concurrent edits of one quote, and a consent change lands on the quote seen', () => {
    const origin = new Y.Doc()
    const first = addQuoteEntry(origin, { text: 'Borders', speaker: 'A', consent: 'pending' })
    const second = addQuoteEntry(origin, { text: 'Mobility is a right', consent: 'pending' })
    const a = replicaOf(origin, 21)
    const b = replicaOf(origin, 22)
    updateQuoteById(a, second, { text: 'Mobility is a human right' })
    updateQuoteById(b, second, { text: 'Mobility is a right for all', consent: 'approved' })
    expect(removeQuoteById(a, first)).toBe(true)
    exchange(a, b)
    expect(readQuoteEntries(a)).toEqual([
      { id: second, text: 'Mobility is a human right for all', speaker: '', affiliation: '', description: '', consent: 'approved' },
    ])
    expect(readQuoteEntries(b)).toEqual(readQuoteEntries(a))
    // A change to a quote removed meanwhile applies to none.
    expect(updateQuoteById(a, first, { consent: 'approved' })).toBe(false)
    expect(readQuoteEntries(a).map((quote) => quote.consent)).toEqual(['approved'])
  })

  it('edits by the smallest change, surrogate pairs whole', () => {
    const doc = new Y.Doc()
    const text = metaFieldText(doc, 'session')
    replaceText(text, 'Day 1 🌍 10:00')
    replaceText(text, 'Day 1 🌏 10:30')
    expect(text.toString()).toBe('Day 1 🌏 10:30')
    expect(text.toDelta()).toEqual([{ insert: 'Day 1 🌏 10:30' }])
  })

  it('upgrades a v1 report in place keeping every word, once', () => {
    const doc = new Y.Doc()
    reportMeta(doc).set('title', 'Ports')
    reportMeta(doc).set('ready', '2030-01-01T00:00:00.000Z')
    addV1Quote(doc, { text: 'Words', speaker: 'S', consent: 'approved' })
    const before = readReportContent(doc, template)
    const firstQuote = reportQuotes(doc).get(0)
    expect(upgradeReportLayout(doc, template)).toBe(true)
    expect(reportMeta(doc).get('title')).toBeInstanceOf(Y.Text)
    expect(reportMeta(doc).get('ready')).toBe('2030-01-01T00:00:00.000Z')
    expect(reportQuotes(doc).get(0)).toBe(firstQuote)
    expect(typeof reportQuotes(doc).get(0).get('id')).toBe('string')
    expect(reportQuotes(doc).get(0).get('text')).toBeInstanceOf(Y.Text)
    expect(readReportContent(doc, template)).toEqual(before)
    expect(upgradeReportLayout(doc, template)).toBe(false)
  })

  it('keeps every word of random v1 reports through the upgrade (property)', () => {
    const random = seededRandom(15)
    const words = ['mobility', 'Amina', '', ' ', 'migración', '🌍', '<img src=x onerror=alert(1)>', 'a\nb']
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T
    for (let run = 0; run < 200; run++) {
      const doc = new Y.Doc()
      for (const field of template.meta) if (random() < 0.7) reportMeta(doc).set(field.id, pick(words) + pick(words))
      const count = Math.floor(random() * 5)
      for (let index = 0; index < count; index++) {
        addV1Quote(doc, { text: pick(words), speaker: pick(words), affiliation: pick(words), description: pick(words), consent: pick(['pending', 'approved', 'anonymous'] as const) })
      }
      const before = readReportContent(doc, template)
      const replica = replicaOf(doc, 1000 + run)
      upgradeReportLayout(doc, template)
      exchange(doc, replica)
      expect(readReportContent(doc, template)).toEqual(before)
      expect(readReportContent(replica, template)).toEqual(before)
      const ids = readQuoteEntries(doc).map((quote) => quote.id)
      expect(new Set(ids).size).toBe(count)
      expect(ids.every((id) => /^q[0-9a-f]{24}$/.test(id))).toBe(true)
    }
  })

  it('tells v1 writes (strings in header fields or quote fields) from v2 ones', () => {
    const server = new Y.Doc()
    setMetaField(server, 'title', 'Ports')
    const id = addQuoteEntry(server, { text: 'Words' })
    const client = replicaOf(server, 31)
    expect(writesOldLayout(updateOf(client, () => reportMeta(client).set('title', 'Overwritten')), server, template)).toBe(true)
    const quote = reportQuotes(client).get(0)
    expect(writesOldLayout(updateOf(client, () => quote.set('speaker', 'Named')), server, template)).toBe(true)
    expect(writesOldLayout(updateOf(client, () => addV1Quote(client, { text: 'Old page' })), server, template)).toBe(true)
    // v2 writes and values that are not text fields pass.
    const fresh = replicaOf(server, 32)
    expect(writesOldLayout(updateOf(fresh, () => setMetaField(fresh, 'title', 'Ports and people')), server, template)).toBe(false)
    expect(writesOldLayout(updateOf(fresh, () => updateQuoteById(fresh, id, { text: 'More words', consent: 'approved' })), server, template)).toBe(false)
    expect(writesOldLayout(updateOf(fresh, () => reportMeta(fresh).set('ready', 'now')), server, template)).toBe(false)
    expect(writesOldLayout(updateOf(fresh, () => addQuoteEntry(fresh, { text: 'New page' })), server, template)).toBe(false)
    expect(writesOldLayout(updateOf(fresh, () => quoteFieldText(reportQuotes(fresh).get(0), 'speaker').insert(0, 'S')), server, template)).toBe(false)
  })

  it('does not take history re-sent after a crash for a v1 write: a v1 value the update itself deletes', () => {
    // A report written in v1 and upgraded; the server then lost everything (restored from an empty backup).
    const client = new Y.Doc()
    client.clientID = 41
    reportMeta(client).set('title', 'Ports')
    addV1Quote(client, { text: 'Words', speaker: 'S' })
    upgradeReportLayout(client, template)
    const emptyServer = new Y.Doc()
    const resent = Y.encodeStateAsUpdate(client, Y.encodeStateVector(emptyServer))
    expect(writesOldLayout(resent, emptyServer, template)).toBe(false)
    // Without the upgrade the same history is a v1 write.
    const oldPage = new Y.Doc()
    reportMeta(oldPage).set('title', 'Ports')
    expect(writesOldLayout(Y.encodeStateAsUpdate(oldPage), emptyServer, template)).toBe(true)
  })
})
