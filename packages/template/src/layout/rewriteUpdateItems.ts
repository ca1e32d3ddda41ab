import * as Y from 'yjs'
import { contentRefAny, contentRefDeleted, contentRefString, type ScannedItem } from './scanUpdateItems.js'

const BITS5 = 0b11111

/**
 * Content of the same kind and length that carries nothing: empty strings for plain values (a map key reads
 * `''`), spaces for text; anything else (never a plain quote field) becomes deleted content. Returns the new
 * content kind and its v1 bytes.
 */
function blankContent(item: ScannedItem): { contentRef: number; bytes: Uint8Array } {
  const encoder = new Y.UpdateEncoderV1()
  if (item.contentRef === contentRefAny) {
    encoder.writeLen(item.length)
    for (let index = 0; index < item.length; index++) encoder.writeAny('')
    return { contentRef: contentRefAny, bytes: encoder.toUint8Array() }
  }
  if (item.contentRef === contentRefString) {
    encoder.writeString(' '.repeat(item.length))
    return { contentRef: contentRefString, bytes: encoder.toUint8Array() }
  }
  encoder.writeLen(item.length)
  return { contentRef: contentRefDeleted, bytes: encoder.toUint8Array() }
}

/**
 * Rewrites a Yjs v1 update so that each of `withheld` (items `scanUpdateItems` found in it, in update order)
 * carries blank content of the same length instead of its own (see `blankContent`): its id, origins, parent and
 * length stay, so a peer applying it keeps the same state vector and the item's place. Plain values stay live
 * items rather than deletions, so a reader's state merged into a writer's document (a shared browser cache)
 * deletes nothing there. Every other byte, the delete set included, is copied as it is; with nothing withheld
 * the result is byte-identical to `update` (a copy).
 */
export function rewriteUpdateItems(update: Uint8Array, withheld: readonly ScannedItem[]): Uint8Array {
  const parts: Uint8Array[] = []
  let copiedUpTo = 0
  for (const item of withheld) {
    if (item.start < copiedUpTo) throw new RangeError('Items to withhold must be in update order')
    parts.push(update.subarray(copiedUpTo, item.start))
    const blank = blankContent(item)
    const header = update.slice(item.start, item.contentStart)
    header[0] = ((header[0] as number) & ~BITS5) | blank.contentRef
    parts.push(header, blank.bytes)
    copiedUpTo = item.end
  }
  parts.push(update.subarray(copiedUpTo))
  const result = new Uint8Array(parts.reduce((total, part) => total + part.length, 0))
  let offset = 0
  for (const part of parts) {
    result.set(part, offset)
    offset += part.length
  }
  return result
}
