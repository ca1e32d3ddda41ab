import type { ReportReadiness } from '../types.js'
import { formatUtcTime } from './formatUtcTime.js'

/** A report marked ready and edited after that: when it was last edited (ISO), if known. */
export interface ChangedSinceReady {
  readonly lastEditAt: string | null
}

/**
 * "Marked ready … by …", followed by "Changed since it was marked ready (last edit …)." when `changed` is given,
 * or "Not marked ready.", for a compiled report.
 */
export function readinessNote(ready: ReportReadiness | null, changed: ChangedSinceReady | null = null): string {
  if (ready === null) return 'Not marked ready.'
  const by = ready.by.trim() === '' ? '' : ` by ${ready.by.trim()}`
  const marked = `Marked ready ${formatUtcTime(ready.at)}${by}.`
  if (changed === null) return marked
  const lastEdit = changed.lastEditAt === null ? '' : ` (last edit ${formatUtcTime(changed.lastEditAt)})`
  return `${marked} Changed since it was marked ready${lastEdit}.`
}
