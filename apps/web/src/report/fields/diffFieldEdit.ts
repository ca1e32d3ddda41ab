/** One edit of a field's text: `removed` characters at `index` replaced by `inserted`. */
export interface FieldEdit {
  readonly index: number
  readonly removed: number
  readonly inserted: string
}

/**
 * The edit that turned `before` into `after`, with the caret at `caret` afterwards: the text after the caret is
 * taken as untouched where it can be, so typing "a" into "aa" between the two is an insert at 1 (not at 2).
 * Never cuts a surrogate pair in two. Null when nothing changed.
 */
export function diffFieldEdit(before: string, after: string, caret: number): FieldEdit | null {
  if (before === after) return null
  const shortest = Math.min(before.length, after.length)
  const afterCaret = after.length - Math.min(Math.max(caret, 0), after.length)
  let suffix = 0
  while (
    suffix < Math.min(shortest, afterCaret) &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++
  }
  let prefix = 0
  while (prefix < shortest - suffix && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--
  return { index: prefix, removed: before.length - prefix - suffix, inserted: after.slice(prefix, after.length - suffix) }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
