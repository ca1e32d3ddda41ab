/** The slice of a roundtable's status that says whether it changed after it was marked ready. */
export interface ReadinessTimes {
  readonly ready: { readonly at: string } | null
  readonly lastEditAt: string | null
}

/**
 * Edits recorded up to this long after the ready time are the ready mark itself: `ready.at` is the marking
 * browser's clock, `lastEditAt` the server's time when that very change arrived, a little later.
 */
export const READY_MARK_GRACE_MS = 5_000

/** True when the report is marked ready and its last edit came clearly after that mark. */
export function changedSinceReady({ ready, lastEditAt }: ReadinessTimes): boolean {
  if (ready === null || lastEditAt === null) return false
  const readyAt = Date.parse(ready.at)
  const editedAt = Date.parse(lastEditAt)
  if (Number.isNaN(readyAt) || Number.isNaN(editedAt)) return false
  return editedAt > readyAt + READY_MARK_GRACE_MS
}
