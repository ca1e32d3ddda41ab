import * as Y from 'yjs'
import type { Quote, QuoteConsent } from '../types.js'
import { reportQuotes } from './documentLayout.js'

const CONSENTS: readonly QuoteConsent[] = ['pending', 'approved', 'anonymous']
const FIELDS = ['text', 'speaker', 'affiliation', 'description'] as const

/** Reads a stored consent; anything unknown is treated as `anonymous`, the safe reading. */
function consentOf(value: unknown): QuoteConsent {
  return CONSENTS.includes(value as QuoteConsent) ? (value as QuoteConsent) : 'anonymous'
}

function quoteOf(entry: Y.Map<string>): Quote {
  const field = (key: string): string => {
    const value = entry.get(key)
    return typeof value === 'string' ? value : ''
  }
  return {
    text: field('text'),
    speaker: field('speaker'),
    affiliation: field('affiliation'),
    description: field('description'),
    consent: consentOf(entry.get('consent')),
  }
}

export function readQuotes(doc: Y.Doc): Quote[] {
  return reportQuotes(doc)
    .toArray()
    .filter((entry): entry is Y.Map<string> => entry instanceof Y.Map)
    .map(quoteOf)
}

/** Appends a quote; a new quote is anonymous unless consent is given explicitly. */
export function addQuote(doc: Y.Doc, quote: Partial<Quote> = {}): void {
  const entry = new Y.Map<string>()
  for (const key of FIELDS) entry.set(key, quote[key] ?? '')
  entry.set('consent', consentOf(quote.consent))
  reportQuotes(doc).push([entry])
}

export function updateQuote(doc: Y.Doc, index: number, patch: Partial<Quote>): void {
  const entry = reportQuotes(doc).get(index)
  if (!(entry instanceof Y.Map)) throw new RangeError(`No quote at index ${index}`)
  doc.transact(() => {
    for (const key of FIELDS) {
      const value = patch[key]
      if (value !== undefined && entry.get(key) !== value) entry.set(key, value)
    }
    if (patch.consent !== undefined) entry.set('consent', consentOf(patch.consent))
  })
}

export function removeQuote(doc: Y.Doc, index: number): void {
  const quotes = reportQuotes(doc)
  if (index < 0 || index >= quotes.length) throw new RangeError(`No quote at index ${index}`)
  quotes.delete(index, 1)
}
