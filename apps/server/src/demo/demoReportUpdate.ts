import * as Y from 'yjs'
import { createMetaFields, readMetaField, roundtableReportTemplate, setMetaField, southSouthMobilityReport, writeReportContent } from '@rapporteur/template'

/** The filled-in "South-South mobility and migration" report as one Yjs update, in layout v2. */
export function demoReportUpdate(title: string): Uint8Array {
  const doc = new Y.Doc()
  writeReportContent(doc, roundtableReportTemplate, southSouthMobilityReport)
  createMetaFields(doc, roundtableReportTemplate)
  if (readMetaField(doc, 'title') === '') setMetaField(doc, 'title', title)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}
