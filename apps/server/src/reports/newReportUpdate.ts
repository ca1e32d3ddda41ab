import { createMetaFields, setMetaField, type TemplateDefinition } from '@rapporteur/template'
import * as Y from 'yjs'

/**
 * The Yjs update of a new report in layout v2, written by the server when a roundtable is created: every header
 * field of the template as a `Y.Text` (so clients never create one), the title filled in.
 */
export function newReportUpdate(template: TemplateDefinition, title: string): Uint8Array {
  const doc = new Y.Doc()
  createMetaFields(doc, template)
  setMetaField(doc, 'title', title)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}
