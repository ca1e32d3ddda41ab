import { formatDateTime } from './formatDateTime'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/**
 * How long ago `iso` was, for "last edit" lines: "just now", "3 min ago", "2 h ago", then the
 * date. A time slightly ahead of `now` (clock skew) still reads "just now".
 */
export function formatRelativeTime(iso: string, now: number): string {
  const at = Date.parse(iso)
  if (Number.isNaN(at)) return iso
  const elapsed = now - at
  if (elapsed < MINUTE) return 'just now'
  if (elapsed < HOUR) return `${Math.floor(elapsed / MINUTE)} min ago`
  if (elapsed < 24 * HOUR) return `${Math.floor(elapsed / HOUR)} h ago`
  return formatDateTime(iso)
}
