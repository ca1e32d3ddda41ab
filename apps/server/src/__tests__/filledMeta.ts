import { readTextValue, reportMeta } from '@rapporteur/template'
import type * as Y from 'yjs'

/**
 * A report's header fields that hold text, as strings (layout v1 or v2): the fields a new report gets empty from
 * the server are left out, so a test can say exactly which fields were written.
 */
export function filledMeta(doc: Y.Doc): Record<string, string> {
  const filled: Record<string, string> = {}
  for (const [key, value] of reportMeta(doc).entries()) {
    const text = readTextValue(value)
    if (text !== '') filled[key] = text
  }
  return filled
}
