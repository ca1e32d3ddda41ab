import { reportQuotes, type Quote, type QuoteTextField } from '@rapporteur/template'
import * as Y from 'yjs'

/** Appends a quote as layout v1 wrote it (string fields, no id). */
export function addV1Quote(doc: Y.Doc, quote: Partial<Quote> = {}): void {
  const entry = new Y.Map<unknown>()
  for (const key of ['text', 'speaker', 'affiliation', 'description'] as const) entry.set(key, quote[key] ?? '')
  entry.set('consent', quote.consent ?? 'anonymous')
  reportQuotes(doc).push([entry])
}

/** Sets one text field of the quote at `index` as layout v1 did: the whole string, last writer wins. */
export function setV1QuoteField(doc: Y.Doc, index: number, key: QuoteTextField, value: string): void {
  const entry = reportQuotes(doc).get(index)
  if (!(entry instanceof Y.Map)) throw new RangeError(`No quote at index ${index}`)
  entry.set(key, value)
}
