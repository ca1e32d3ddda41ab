/**
 * Where a caret at `caret` in `before` belongs in `after`, when the text was replaced by someone
 * else. Text before the caret that did not change keeps it in place; a change before it shifts it.
 */
export function mapCaretThroughEdit(before: string, after: string, caret: number): number {
  const shortest = Math.min(before.length, after.length)
  let prefix = 0
  while (prefix < shortest && before[prefix] === after[prefix]) prefix++
  if (caret <= prefix) return caret
  let suffix = 0
  while (
    suffix < shortest - prefix &&
    before[before.length - 1 - suffix] === after[after.length - 1 - suffix]
  ) {
    suffix++
  }
  const changedEndBefore = before.length - suffix
  if (caret >= changedEndBefore) return caret + (after.length - before.length)
  // The caret was inside the replaced text: put it after the replacement.
  return after.length - suffix
}
