import { quoteIdOf, readQuoteEntries, reportQuotes, type QuoteEntry } from '@rapporteur/template'
import { useMemo, useSyncExternalStore } from 'react'
import * as Y from 'yjs'
import { createSnapshotStore } from './createSnapshotStore'

/** A quote as the page lists it: its id, its map (what its fields bind to), its values. */
export interface KeyedQuote {
  /** The quote's id; a layout v1 quote without one keeps a key of its own until the server gives it an id. */
  readonly key: string
  readonly index: number
  readonly entry: Y.Map<unknown>
  readonly quote: QuoteEntry
}

/** The report's quotes, live, keyed by id: a quote removed before another never shifts the other's key. */
export function useQuotes(doc: Y.Doc): readonly KeyedQuote[] {
  const store = useMemo(() => {
    const quotes = reportQuotes(doc)
    const keys = new WeakMap<Y.Map<unknown>, string>()
    let nextKey = 0
    const keyOf = (entry: Y.Map<unknown>): string => {
      let key = keys.get(entry)
      if (key === undefined) {
        key = quoteIdOf(entry) || `quote-without-id-${nextKey++}`
        keys.set(entry, key)
      }
      return key
    }
    return createSnapshotStore(
      () => {
        const entries = quotes.toArray().filter((entry): entry is Y.Map<unknown> => entry instanceof Y.Map)
        return readQuoteEntries(doc).map((quote, index) => ({ key: keyOf(entries[index]!), index, entry: entries[index]!, quote }))
      },
      (onChange) => {
        quotes.observeDeep(onChange)
        return () => quotes.unobserveDeep(onChange)
      },
    )
  }, [doc])
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
