import { readQuotes, reportQuotes, type Quote } from '@rapporteur/template'
import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { createSnapshotStore } from './createSnapshotStore'

/** A quote with a key that stays the same while the quote exists, even when others are removed before it. */
export interface KeyedQuote {
  readonly key: string
  readonly index: number
  readonly quote: Quote
}

/** The report's quotes, live. */
export function useQuotes(doc: Y.Doc): readonly KeyedQuote[] {
  const store = useMemo(() => {
    const quotes = reportQuotes(doc)
    const keys = new WeakMap<Y.Map<unknown>, string>()
    let nextKey = 0
    const keyOf = (entry: Y.Map<unknown>): string => {
      let key = keys.get(entry)
      if (key === undefined) {
        key = `quote-${nextKey++}`
        keys.set(entry, key)
      }
      return key
    }
    return createSnapshotStore(
      () => {
        const entries = quotes.toArray()
        return readQuotes(doc).map((quote, index) => ({
          key: entries[index] ? keyOf(entries[index]) : `quote-at-${index}`,
          index,
          quote,
        }))
      },
      (onChange) => {
        quotes.observeDeep(onChange)
        return () => quotes.unobserveDeep(onChange)
      },
    )
  }, [doc])
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
