import type * as Y from 'yjs'
import type { ReportReadiness } from '../types.js'
import { reportMeta } from './documentLayout.js'

/** `meta` key holding the time (ISO 8601) a report was marked ready; absent or empty when it is not. */
export const READY_KEY = 'ready'
/** `meta` key holding the display name of whoever marked the report ready. */
export const READY_BY_KEY = 'readyBy'

export function readReportReady(doc: Y.Doc): ReportReadiness | null {
  const meta = reportMeta(doc)
  const at = meta.get(READY_KEY)
  if (typeof at !== 'string' || at === '') return null
  const by = meta.get(READY_BY_KEY)
  return { at, by: typeof by === 'string' ? by : '' }
}

/** Marks the report ready for the closing session, by a display name, at a time (default: now). */
export function markReportReady(doc: Y.Doc, by: string, at: Date = new Date()): void {
  doc.transact(() => {
    const meta = reportMeta(doc)
    meta.set(READY_KEY, at.toISOString())
    meta.set(READY_BY_KEY, by)
  })
}

export function clearReportReady(doc: Y.Doc): void {
  doc.transact(() => {
    const meta = reportMeta(doc)
    meta.set(READY_KEY, '')
    meta.set(READY_BY_KEY, '')
  })
}
