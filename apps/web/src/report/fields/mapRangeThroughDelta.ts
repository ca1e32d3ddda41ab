import { insertLength, type TextDelta } from './TextDelta'

/** A half-open range of a text: from `start` up to (not including) `end`. */
export type TextRange = readonly [start: number, end: number]

/**
 * The characters of `[start, end)` in the text before a change that are still there after it, as ranges of the
 * text after it. Text inserted inside the range by the change is not part of any of them, so deleting them
 * deletes only what was in the range before (never a co-author's words typed meanwhile).
 */
export function mapRangeThroughDelta(delta: TextDelta, [start, end]: TextRange): TextRange[] {
  const ranges: [number, number][] = []
  const keep = (oldFrom: number, oldTo: number, newFrom: number) => {
    const from = Math.max(oldFrom, start)
    const to = Math.min(oldTo, end)
    if (from >= to) return
    const range: [number, number] = [newFrom + from - oldFrom, newFrom + to - oldFrom]
    const last = ranges.at(-1)
    if (last !== undefined && last[1] === range[0]) last[1] = range[1]
    else ranges.push(range)
  }
  let oldPos = 0
  let newPos = 0
  for (const op of delta) {
    if (op.retain !== undefined) {
      keep(oldPos, oldPos + op.retain, newPos)
      oldPos += op.retain
      newPos += op.retain
    } else if (op.insert !== undefined) {
      newPos += insertLength(op.insert)
    } else if (op.delete !== undefined) {
      oldPos += op.delete
    }
  }
  keep(oldPos, Number.POSITIVE_INFINITY, newPos)
  return ranges
}
