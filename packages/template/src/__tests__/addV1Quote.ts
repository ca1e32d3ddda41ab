import * as Y from 'yjs'
import { reportQuotes, type Quote } from '../index.js'

/** Appends a quote as layout v1 wrote it (string fields, no id): what the previous release's pages still send. */
export function addV1Quote(doc: Y.Doc, quote: Partial<Quote> = {}): void {
  const entry = new Y.Map<unknown>()
  for (const key of ['text', 'speaker', 'affiliation', 'description'] as const) entry.set(key, quote[key] ?? '')
  entry.set('consent', quote.consent ?? 'anonymous')
  reportQuotes(doc).push([entry])
}
