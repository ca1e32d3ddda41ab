import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'

/** The clock range of one client's structs that an update carries. */
export interface ClockRange {
  readonly client: number
  readonly from: number
  readonly to: number
}

/** Yjs's content reference of a string (`ContentString`). */
const CONTENT_STRING = 4
const HAS_ORIGIN = 0b1000_0000
const HAS_RIGHT_ORIGIN = 0b0100_0000

/**
 * The range an update carries when it is one typed character or run of ASCII text: one client, one item with a
 * left (and maybe right) origin holding a string, no deletions — the updates typists send and servers relay
 * one by one. Null for anything else (read it with `Y.parseUpdateMeta`). A receiver parses tens of thousands of
 * these a second at S1+; `Y.parseUpdateMeta` builds struct readers and two maps for each.
 */
export function readKeystrokeRange(update: Uint8Array): ClockRange | null {
  if (update[0] !== 1 || update[1] !== 1) return null
  try {
    const decoder = decoding.createDecoder(update)
    decoding.skip8(decoder)
    decoding.skip8(decoder)
    const client = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const info = decoding.readUint8(decoder)
    if ((info & 0b1_1111) !== CONTENT_STRING || (info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0) return null
    const ids = ((info & HAS_ORIGIN) === 0 ? 0 : 2) + ((info & HAS_RIGHT_ORIGIN) === 0 ? 0 : 2)
    for (let id = 0; id < ids; id += 1) decoding.readVarUint(decoder)
    const text = decoding.readVarUint8Array(decoder)
    // ASCII only: then its UTF-16 length, Yjs's clock length of a string, is its byte length. And no delete set.
    if (decoding.readVarUint(decoder) !== 0 || decoding.hasContent(decoder)) return null
    for (const byte of text) if (byte >= 0x80) return null
    return { client, from: clock, to: clock + text.byteLength }
  } catch {
    return null // cut short: not a whole keystroke
  }
}

/** Every client's clock range in `update`: the fast path above, else `Y.parseUpdateMeta`. */
export function readClockRanges(update: Uint8Array): ClockRange[] {
  const range = readKeystrokeRange(update)
  if (range !== null) return [range]
  const { from, to } = Y.parseUpdateMeta(update)
  return [...to].map(([client, end]) => ({ client, from: from.get(client) ?? 0, to: end }))
}
