import * as Y from 'yjs'
import type { TemplateDefinition } from '../types.js'
import { reportMeta, reportQuotes } from './documentLayout.js'
import { newQuoteId } from './quoteIds.js'
import { QUOTE_ID_KEY, QUOTE_TEXT_FIELDS } from './quotes.js'
import { textOf } from './textValue.js'

/** A header field or quote field of layout v1 (a plain string where layout v2 has a `Y.Text`), or an id-less quote. */
function isOldText(value: unknown): value is string {
  return typeof value === 'string'
}

/** Whether `doc` holds anything of layout v1 that `upgradeReportLayout` would change. */
export function needsLayoutUpgrade(doc: Y.Doc, template: TemplateDefinition): boolean {
  const meta = reportMeta(doc)
  if (template.meta.some((field) => isOldText(meta.get(field.id)))) return true
  return reportQuotes(doc)
    .toArray()
    .some(
      (entry) =>
        entry instanceof Y.Map &&
        (typeof entry.get(QUOTE_ID_KEY) !== 'string' || QUOTE_TEXT_FIELDS.some((key) => isOldText(entry.get(key)))),
    )
}

/**
 * Upgrades a report from layout v1 to v2 in place, keeping every word: each header field of the template held as
 * a string becomes a `Y.Text` with the same text, each quote gets a new stable id if it has none, and each of its
 * string fields becomes a `Y.Text`. Quotes stay the same maps at the same places (nothing is deleted and
 * re-inserted), consent and readiness stay as they are, and values of other kinds are left alone. One
 * transaction of `origin`; returns whether anything changed (false on a v2 document: running it again is a no-op).
 */
export function upgradeReportLayout(doc: Y.Doc, template: TemplateDefinition, origin: unknown = null): boolean {
  if (!needsLayoutUpgrade(doc, template)) return false
  doc.transact(() => {
    const meta = reportMeta(doc)
    for (const field of template.meta) {
      const value = meta.get(field.id)
      if (isOldText(value)) meta.set(field.id, textOf(value))
    }
    for (const entry of reportQuotes(doc).toArray()) {
      if (!(entry instanceof Y.Map)) continue
      if (typeof entry.get(QUOTE_ID_KEY) !== 'string') entry.set(QUOTE_ID_KEY, newQuoteId())
      for (const key of QUOTE_TEXT_FIELDS) {
        const value = entry.get(key)
        if (isOldText(value)) entry.set(key, textOf(value))
      }
    }
  }, origin)
  return true
}
