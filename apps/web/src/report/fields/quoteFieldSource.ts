import { findQuote, quoteFieldText, readTextValue, type QuoteTextField } from '@rapporteur/template'
import * as Y from 'yjs'
import { quoteIdForWrite } from './quoteIdForWrite'
import type { TextFieldSource } from './TextFieldSource'

/**
 * One text field of the quote the person sees (`entry`) as a bound field's source. Writes find the quote by its
 * id: when it was removed meanwhile the edit lands nowhere, never in the quote that took its place.
 */
export function quoteFieldSource(doc: Y.Doc, entry: Y.Map<unknown>, key: QuoteTextField): TextFieldSource {
  return {
    current: () => {
      const value = entry.get(key)
      return value instanceof Y.Text ? value : readTextValue(value)
    },
    writable: () => {
      const quote = findQuote(doc, quoteIdForWrite(doc, entry))
      return quote === null ? null : quoteFieldText(quote, key)
    },
    watch: (onReplaced) => {
      const onQuoteChange = (event: Y.YMapEvent<unknown>) => {
        if (event.keysChanged.has(key)) onReplaced()
      }
      entry.observe(onQuoteChange)
      return () => entry.unobserve(onQuoteChange)
    },
  }
}
