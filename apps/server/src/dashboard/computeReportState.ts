import { readReportReady, reportProgress, type ReportProgress, type TemplateDefinition } from '@rapporteur/template'
import type * as Y from 'yjs'

/** What the feed reads from a report's document: its progress (counts only) and its readiness. */
export interface ReportState {
  readonly progress: ReportProgress
  readonly ready: { readonly at: string; readonly by: string } | null
}

/**
 * Reads a report's progress and readiness from its document, and how long that took in nanoseconds. The
 * computation is synchronous on the main thread, so its elapsed `process.hrtime` is the CPU time it used
 * (give or take preemption), measured far more cheaply than with `process.cpuUsage`.
 */
export function computeReportState(doc: Y.Doc, template: TemplateDefinition): { state: ReportState; nanoseconds: bigint } {
  const start = process.hrtime.bigint()
  const state: ReportState = { progress: reportProgress(doc, template), ready: readReportReady(doc) }
  return { state, nanoseconds: process.hrtime.bigint() - start }
}
