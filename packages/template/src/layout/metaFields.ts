import * as Y from 'yjs'
import { reportMeta } from './documentLayout.js'
import type { TemplateDefinition } from '../types.js'
import { readTextValue, replaceText, textOf } from './textValue.js'

/** A header field's value as a string ('' when it was never written). */
export function readMetaField(doc: Y.Doc, fieldId: string): string {
  return readTextValue(reportMeta(doc).get(fieldId))
}

/**
 * The `Y.Text` of a header field, for an input bound to it character by character. Creates it when the field was
 * never written, and upgrades a layout v1 string in place (same words), in a transaction of `origin`.
 */
export function metaFieldText(doc: Y.Doc, fieldId: string, origin: unknown = null): Y.Text {
  const meta = reportMeta(doc)
  const value = meta.get(fieldId)
  if (value instanceof Y.Text) return value
  const text = textOf(readTextValue(value))
  doc.transact(() => meta.set(fieldId, text), origin)
  return text
}

/** Sets a header field to `value` by the smallest edit of its `Y.Text` (concurrent typing elsewhere in it is kept). */
export function setMetaField(doc: Y.Doc, fieldId: string, value: string, origin: unknown = null): void {
  doc.transact(() => replaceText(metaFieldText(doc, fieldId, origin), value), origin)
}

/**
 * Gives every header field of `template` that `doc` lacks an empty `Y.Text`, in one transaction of `origin`; returns
 * whether any was missing. The server does it when it creates a report: two clients typing at once into a field
 * that does not exist yet would each create its `Y.Text`, and one of the two (with its words) would lose.
 */
export function createMetaFields(doc: Y.Doc, template: Pick<TemplateDefinition, 'meta'>, origin: unknown = null): boolean {
  const meta = reportMeta(doc)
  const missing = template.meta.filter((field) => !meta.has(field.id))
  if (missing.length === 0) return false
  doc.transact(() => {
    for (const field of missing) meta.set(field.id, new Y.Text())
  }, origin)
  return true
}
