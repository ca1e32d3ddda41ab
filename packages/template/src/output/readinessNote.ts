import type { ReportReadiness } from '../types.js'
import { formatUtcTime } from './formatUtcTime.js'

/** "Ready since … (by …)" or "Not marked ready", for a compiled report. */
export function readinessNote(ready: ReportReadiness | null): string {
  if (ready === null) return 'Not marked ready.'
  const by = ready.by.trim() === '' ? '' : ` by ${ready.by.trim()}`
  return `Marked ready ${formatUtcTime(ready.at)}${by}.`
}
