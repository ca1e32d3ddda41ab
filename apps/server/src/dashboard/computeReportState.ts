import {
  readReportReady,
  reportProgressSteps,
  type ReportProgress,
  type ReuseSectionProgress,
  type TemplateDefinition,
} from '@rapporteur/template'
import type * as Y from 'yjs'

/** What the feed reads from a report's document: its progress (counts only) and its readiness. */
export interface ReportState {
  readonly progress: ReportProgress
  readonly ready: { readonly at: string; readonly by: string } | null
}

/**
 * A report's progress and readiness read from its document in small steps (`reportProgressSteps`), to be run in
 * slices (`SlicedComputation`). The readiness is read at the end, with the last sections. `reuse`: the sections
 * still current from an earlier run (`SectionProgressCache`).
 */
export function* reportStateSteps(
  doc: Y.Doc,
  template: TemplateDefinition,
  reuse?: ReuseSectionProgress,
): Generator<void, ReportState, void> {
  const progress = yield* reportProgressSteps(doc, template, reuse)
  return { progress, ready: readReportReady(doc) }
}

/**
 * Reads a report's progress and readiness from its document in one go, and how long that took in nanoseconds.
 * The computation is synchronous on the main thread, so its elapsed `process.hrtime` is the CPU time it used
 * (give or take preemption), measured far more cheaply than with `process.cpuUsage`.
 */
export function computeReportState(doc: Y.Doc, template: TemplateDefinition): { state: ReportState; nanoseconds: bigint } {
  const start = process.hrtime.bigint()
  const steps = reportStateSteps(doc, template)
  let step = steps.next()
  while (step.done !== true) step = steps.next()
  return { state: step.value, nanoseconds: process.hrtime.bigint() - start }
}
