import { metaFieldText, readTextValue, reportMeta } from '@rapporteur/template'
import * as Y from 'yjs'
import { LAYOUT_UPGRADE_ORIGIN } from './layoutUpgradeOrigin'
import type { TextFieldSource } from './TextFieldSource'

/**
 * A header field of the report as a bound field's source. The field's `Y.Text` is made (or upgraded from a
 * layout v1 string) only when the person first types, never on sight: two pages each making one would lose
 * one page's words.
 */
export function metaFieldSource(doc: Y.Doc, fieldId: string): TextFieldSource {
  const meta = reportMeta(doc)
  return {
    current: () => {
      const value = meta.get(fieldId)
      return value instanceof Y.Text ? value : readTextValue(value)
    },
    writable: () => metaFieldText(doc, fieldId, LAYOUT_UPGRADE_ORIGIN),
    watch: (onReplaced) => {
      const onMetaChange = (event: Y.YMapEvent<unknown>) => {
        if (event.keysChanged.has(fieldId)) onReplaced()
      }
      meta.observe(onMetaChange)
      return () => meta.unobserve(onMetaChange)
    },
  }
}
