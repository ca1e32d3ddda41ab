import { insertLength, type TextDelta } from './TextDelta'

/**
 * Where `index` of the text before a change is in the text after it. Text inserted before the index shifts
 * it; text inserted exactly at the index shifts it only when `moveWithInsert` (a caret stays before a
 * co-author's words typed at the caret, so two people typing at one place never interleave letters). An
 * index inside deleted text goes to where the deletion was.
 */
export function mapIndexThroughDelta(delta: TextDelta, index: number, moveWithInsert = false): number {
  let oldPos = 0
  let shift = 0
  for (const op of delta) {
    if (oldPos > index) break
    if (op.retain !== undefined) {
      oldPos += op.retain
    } else if (op.insert !== undefined) {
      if (oldPos === index && !moveWithInsert) break
      shift += insertLength(op.insert)
    } else if (op.delete !== undefined) {
      shift -= Math.min(op.delete, index - oldPos)
      oldPos += op.delete
    }
  }
  return index + shift
}
