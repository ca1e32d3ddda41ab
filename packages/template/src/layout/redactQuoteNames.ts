import * as Y from 'yjs'
import { reportQuotes } from './documentLayout.js'
import { rewriteUpdateItems } from './rewriteUpdateItems.js'
import { contentRefDeleted, contentRefType, scanUpdateItems, type ScannedItem } from './scanUpdateItems.js'

/** The quote fields that name a speaker: withheld from read-only readers unless consent is `approved`. */
export const QUOTE_NAME_KEYS: ReadonlySet<string> = new Set(['speaker', 'affiliation'])

/** The quotes of `doc` whose consent is not `approved` (what `redactQuoteNames` withholds names of). */
function quotesWithoutConsent(doc: Y.Doc): Set<unknown> {
  const withheld = new Set<unknown>()
  for (const entry of reportQuotes(doc).toArray()) {
    if (entry instanceof Y.Map && entry.get('consent') !== 'approved') withheld.add(entry)
  }
  return withheld
}

/** The integrated struct holding the scanned item's first clock, if `doc` has it. */
function integratedItem(doc: Y.Doc, item: ScannedItem): Y.Item | Y.GC | null {
  if (item.clock >= Y.getState(doc.store, item.client)) return null
  return Y.getItem(doc.store, Y.createID(item.client, item.clock)) as Y.Item | Y.GC
}

/** Whether `item`, or an item it is nested in, is the speaker/affiliation value of one of `quotes`. */
function isNameOf(item: Y.Item, quotes: ReadonlySet<unknown>): boolean {
  let current: Y.Item | null = item
  while (current !== null) {
    const parent: unknown = current.parent
    if (!(parent instanceof Y.AbstractType)) return false
    if (current.parentSub !== null && QUOTE_NAME_KEYS.has(current.parentSub) && quotes.has(parent)) return true
    current = parent._item
  }
  return false
}

function mustWithhold(doc: Y.Doc, item: ScannedItem, quotes: ReadonlySet<unknown>): boolean {
  // Deleted content carries nothing; a nested type's own struct carries no text (its children are checked).
  if (item.contentRef === contentRefDeleted || item.contentRef === contentRefType) return false
  const integrated = integratedItem(doc, item)
  if (integrated instanceof Y.Item) return isNameOf(integrated, quotes)
  // Not in the document (never for what the server sends): withhold any name key, whatever its parent.
  return integrated === null && item.parentSub !== null && QUOTE_NAME_KEYS.has(item.parentSub)
}

/**
 * The Chatham House rule on the wire: rewrites a Yjs v1 `update` for a read-only reader (chair, viewer) so that
 * a quote's `speaker` and `affiliation` values reach it only while that quote's consent in `doc` is `approved`.
 * `doc` must hold the update already (the server's document); items are placed through it, so values encoded
 * after an origin (a key set a second time) are recognised too. A withheld value keeps its id and length but
 * carries an empty string (`rewriteUpdateItems`): the reader reads the quote as anonymous, stays in step with
 * everyone's ids, and its state deletes nothing if it ever reaches a writer's document. Later values of the key
 * (new items) are judged on their own, so the server sets the names again when consent crosses `approved`.
 *
 * Returns `update` itself (the same array) when nothing is withheld. When every quote is approved (or there are
 * none) the update is not even decoded. Meant as `CollabServerOptions.redactForReadOnly`.
 */
export function redactQuoteNames(update: Uint8Array, doc: Y.Doc): Uint8Array {
  const quotes = quotesWithoutConsent(doc)
  if (quotes.size === 0) return update
  const withheld = scanUpdateItems(update).filter((item) => mustWithhold(doc, item, quotes))
  return withheld.length === 0 ? update : rewriteUpdateItems(update, withheld)
}
