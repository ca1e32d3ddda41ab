import * as Y from 'yjs'

/**
 * A layout text value as a string: a `Y.Text`'s text (layout v2), a plain string as layout v1 stored it, and ''
 * for anything else (a missing or foreign value reads as empty, never throws).
 */
export function readTextValue(value: unknown): string {
  if (value instanceof Y.Text) return value.toString()
  return typeof value === 'string' ? value : ''
}

/**
 * Changes `text` into `value` by the smallest edit around the common prefix and suffix, so that what others type
 * elsewhere in the same text at the same time is kept (never a delete-all and insert-all). Call inside a
 * transaction to make it one change with others.
 */
export function replaceText(text: Y.Text, value: string): void {
  const current = text.toString()
  if (current === value) return
  let start = 0
  const shortest = Math.min(current.length, value.length)
  while (start < shortest && current.charCodeAt(start) === value.charCodeAt(start)) start++
  let end = 0
  while (
    end < shortest - start &&
    current.charCodeAt(current.length - 1 - end) === value.charCodeAt(value.length - 1 - end)
  ) {
    end++
  }
  // Never cut a surrogate pair in two: widen the edit to whole characters.
  if (start > 0 && isHighSurrogate(current.charCodeAt(start - 1))) start--
  if (end > 0 && isLowSurrogate(current.charCodeAt(current.length - end))) end--
  const removed = current.length - start - end
  if (removed > 0) text.delete(start, removed)
  const inserted = value.slice(start, value.length - end)
  if (inserted.length > 0) text.insert(start, inserted)
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/** A new `Y.Text` holding `value` (to be set into a map). */
export function textOf(value: string): Y.Text {
  const text = new Y.Text()
  if (value.length > 0) text.insert(0, value)
  return text
}
