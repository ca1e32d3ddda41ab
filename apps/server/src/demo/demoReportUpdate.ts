import * as Y from 'yjs'
import { reportMeta, roundtableReportTemplate, southSouthMobilityReport, writeReportContent } from '@rapporteur/template'

/** The filled-in "South-South mobility and migration" report as one Yjs update. */
export function demoReportUpdate(title: string): Uint8Array {
  const doc = new Y.Doc()
  writeReportContent(doc, roundtableReportTemplate, southSouthMobilityReport)
  if (reportMeta(doc).get('title') === undefined) reportMeta(doc).set('title', title)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}
