import * as Y from 'yjs'
import type { Quote, QuoteConsent } from '../types.js'
import { reportQuotes } from './documentLayout.js'
import { newQuoteId } from './quoteIds.js'
import { readTextValue, replaceText, textOf } from './textValue.js'

const CONSENTS: readonly QuoteConsent[] = ['pending', 'approved', 'anonymous']

/** The text fields of a quote: a `Y.Text` each in layout v2. */
export const QUOTE_TEXT_FIELDS = ['text', 'speaker', 'affiliation', 'description'] as const
export type QuoteTextField = (typeof QUOTE_TEXT_FIELDS)[number]

/** Key of a quote's stable id. */
export const QUOTE_ID_KEY = 'id'

/** A quote as read from the document, with its id ('' for a layout v1 quote not upgraded yet). */
export interface QuoteEntry extends Quote {
  readonly id: string
}

/** Reads a stored consent; anything unknown is treated as `anonymous`, the safe reading. */
export function consentOf(value: unknown): QuoteConsent {
  return CONSENTS.includes(value as QuoteConsent) ? (value as QuoteConsent) : 'anonymous'
}

/** A quote map's id, or '' when it has none (layout v1). */
export function quoteIdOf(entry: Y.Map<unknown>): string {
  const id = entry.get(QUOTE_ID_KEY)
  return typeof id === 'string' ? id : ''
}

function quoteOf(entry: Y.Map<unknown>): Quote {
  const field = (key: QuoteTextField): string => readTextValue(entry.get(key))
  // A name withheld from a reader arrives as spaces (same length as the name): it reads as no name.
  const name = (key: QuoteTextField): string => {
    const value = field(key)
    return value.trim() === '' ? '' : value
  }
  return {
    text: field('text'),
    speaker: name('speaker'),
    affiliation: name('affiliation'),
    description: field('description'),
    consent: consentOf(entry.get('consent')),
  }
}

function quoteMaps(doc: Y.Doc): Y.Map<unknown>[] {
  return reportQuotes(doc)
    .toArray()
    .filter((entry): entry is Y.Map<unknown> => entry instanceof Y.Map)
}

export function readQuotes(doc: Y.Doc): Quote[] {
  return quoteMaps(doc).map(quoteOf)
}

/** The quotes with their ids, in order: what an editor lists and addresses quotes by. */
export function readQuoteEntries(doc: Y.Doc): QuoteEntry[] {
  return quoteMaps(doc).map((entry) => ({ ...quoteOf(entry), id: quoteIdOf(entry) }))
}

/** The quote map with this id, or null when there is none (never found by index: a concurrent delete cannot shift it). */
export function findQuote(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  if (id === '') return null
  return quoteMaps(doc).find((entry) => quoteIdOf(entry) === id) ?? null
}

/** A new quote map in layout v2 (not yet in a document). */
export function newQuoteMap(quote: Partial<Quote> = {}, id: string = newQuoteId()): Y.Map<unknown> {
  const entry = new Y.Map<unknown>()
  entry.set(QUOTE_ID_KEY, id)
  for (const key of QUOTE_TEXT_FIELDS) entry.set(key, textOf(quote[key] ?? ''))
  entry.set('consent', consentOf(quote.consent))
  return entry
}

/** Appends a quote in layout v2 (for scripts and tests; the web app uses `addQuoteEntry`, which returns its id). */
export function addQuote(doc: Y.Doc, quote: Partial<Quote> = {}): void {
  addQuoteEntry(doc, quote)
}

/** Appends a quote in layout v2 and returns its id; a new quote is anonymous unless consent is given explicitly. */
export function addQuoteEntry(doc: Y.Doc, quote: Partial<Quote> = {}, origin: unknown = null): string {
  const entry = newQuoteMap(quote)
  doc.transact(() => reportQuotes(doc).push([entry]), origin)
  return quoteIdOf(entry)
}

/**
 * The `Y.Text` of one field of a quote, for an input bound to it; upgrades a layout v1 string in place (same
 * words). Call inside a transaction when it may upgrade.
 */
export function quoteFieldText(entry: Y.Map<unknown>, key: QuoteTextField): Y.Text {
  const value = entry.get(key)
  if (value instanceof Y.Text) return value
  const text = textOf(readTextValue(value))
  entry.set(key, text)
  return text
}

function patchQuote(entry: Y.Map<unknown>, patch: Partial<Quote>): void {
  for (const key of QUOTE_TEXT_FIELDS) {
    const value = patch[key]
    if (value !== undefined) replaceText(quoteFieldText(entry, key), value)
  }
  if (patch.consent !== undefined && entry.get('consent') !== consentOf(patch.consent)) entry.set('consent', consentOf(patch.consent))
}

/**
 * Changes the quote with this id: text fields by the smallest edit of their `Y.Text`, consent as a value.
 * Returns false, changing nothing, when the quote is gone (removed meanwhile): a change applies to the quote
 * the person saw, or to none.
 */
export function updateQuoteById(doc: Y.Doc, id: string, patch: Partial<Quote>, origin: unknown = null): boolean {
  const entry = findQuote(doc, id)
  if (entry === null) return false
  doc.transact(() => patchQuote(entry, patch), origin)
  return true
}

/**
 * Changes the quote at `index` like `updateQuoteById` (for scripts and tests: an editor addresses quotes by id, as
 * an index can point at another quote once a concurrent delete arrives).
 */
export function updateQuote(doc: Y.Doc, index: number, patch: Partial<Quote>): void {
  const entry = reportQuotes(doc).get(index)
  if (!(entry instanceof Y.Map)) throw new RangeError(`No quote at index ${index}`)
  doc.transact(() => patchQuote(entry, patch))
}

/** Removes the quote with this id; false when it is already gone. */
export function removeQuoteById(doc: Y.Doc, id: string, origin: unknown = null): boolean {
  const quotes = reportQuotes(doc)
  const index = quotes.toArray().findIndex((entry) => entry instanceof Y.Map && quoteIdOf(entry) === id)
  if (id === '' || index < 0) return false
  doc.transact(() => quotes.delete(index, 1), origin)
  return true
}

export function removeQuote(doc: Y.Doc, index: number): void {
  const quotes = reportQuotes(doc)
  if (index < 0 || index >= quotes.length) throw new RangeError(`No quote at index ${index}`)
  quotes.delete(index, 1)
}
