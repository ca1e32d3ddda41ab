import { QUOTE_ID_KEY, QUOTE_TEXT_FIELDS, newQuoteId, quoteFieldText, quoteIdOf, reportQuotes } from '@rapporteur/template'
import * as Y from 'yjs'
import { LAYOUT_UPGRADE_ORIGIN } from './layoutUpgradeOrigin'

/**
 * The id to address a quote the person sees by, for a write: '' when it was removed meanwhile. A quote still in
 * layout v1 (the server upgrades reports at load; a local copy may be older) is upgraded in place first: it gets
 * an id and its string fields become `Y.Text`s, in a transaction that is not undoable, so no undo writes v1 back.
 */
export function quoteIdForWrite(doc: Y.Doc, entry: Y.Map<unknown>): string {
  if (entry.doc !== doc || entry.parent !== reportQuotes(doc) || entry._item?.deleted !== false) return ''
  const isOld = quoteIdOf(entry) === '' || QUOTE_TEXT_FIELDS.some((key) => !(entry.get(key) instanceof Y.Text))
  if (isOld) {
    doc.transact(() => {
      if (quoteIdOf(entry) === '') entry.set(QUOTE_ID_KEY, newQuoteId())
      for (const key of QUOTE_TEXT_FIELDS) quoteFieldText(entry, key)
    }, LAYOUT_UPGRADE_ORIGIN)
  }
  return quoteIdOf(entry)
}
