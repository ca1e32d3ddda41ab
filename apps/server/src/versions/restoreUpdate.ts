import { readReportContent, writeReportContent, type ReportContent, type TemplateDefinition } from '@rapporteur/template'
import * as Y from 'yjs'

/**
 * The one update that makes `current`'s content equal to `version`'s: a copy of `current` gets the version's
 * content written over it, and the update is what the copy has that `current` lacks (new content, deletions of
 * the old). Header fields the version did not have are emptied; readiness (`ready`, `readyBy`) is left alone.
 */
export function restoreUpdate(current: Y.Doc, version: Y.Doc, template: TemplateDefinition): Uint8Array {
  const content = readReportContent(version, template)
  const meta: Record<string, string> = {}
  for (const field of template.meta) meta[field.id] = content.meta[field.id] ?? ''
  const restored: ReportContent = { ...content, meta }
  const scratch = new Y.Doc()
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(current))
    writeReportContent(scratch, template, restored)
    return Y.encodeStateAsUpdate(scratch, Y.encodeStateVector(current))
  } finally {
    scratch.destroy()
  }
}
