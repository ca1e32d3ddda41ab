/** The slice of a roundtable's status that says whether it changed after it was marked ready. */
export interface ReadinessTimes {
  readonly ready: { readonly at: string } | null
  readonly lastEditAt: string | null
}

/** True when the report is marked ready and its last edit came after that mark. */
export function changedSinceReady({ ready, lastEditAt }: ReadinessTimes): boolean {
  if (ready === null || lastEditAt === null) return false
  const readyAt = Date.parse(ready.at)
  const editedAt = Date.parse(lastEditAt)
  if (Number.isNaN(readyAt) || Number.isNaN(editedAt)) return false
  return editedAt > readyAt
}
