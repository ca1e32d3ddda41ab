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

/** Reads a varUint at `at`; returns [value, next position], or null past the end or past 2^53. */
function readVarUint(bytes: Uint8Array, at: number): [number, number] | null {
  let value = 0
  let factor = 1
  for (let position = at; position < bytes.length; position += 1) {
    const byte = bytes[position] as number
    value += (byte & 0x7f) * factor
    if (byte < 0x80) return [value, position + 1]
    factor *= 128
    if (factor > 2 ** 49) return null
  }
  return null
}

/**
 * The range an update carries when it is one typed character or run of ASCII text: one client, one item with a
 * left (and maybe right) origin holding a string, no deletions — the updates typists send and servers relay
 * one by one. Null for anything else (read it with `Y.parseUpdateMeta`). A receiver parses tens of thousands of
 * these a second at S1+; `Y.parseUpdateMeta` builds struct readers and two maps for each.
 */
export function readKeystrokeRange(update: Uint8Array): ClockRange | null {
  if (update[0] !== 1 || update[1] !== 1) return null
  const client = readVarUint(update, 2)
  if (client === null) return null
  const clock = readVarUint(update, client[1])
  if (clock === null) return null
  let at = clock[1]
  const info = update[at]
  if (info === undefined || (info & 0b1_1111) !== CONTENT_STRING || (info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0) return null
  at += 1
  for (let ids = ((info & HAS_ORIGIN) === 0 ? 0 : 2) + ((info & HAS_RIGHT_ORIGIN) === 0 ? 0 : 2); ids > 0; ids -= 1) {
    const part = readVarUint(update, at)
    if (part === null) return null
    at = part[1]
  }
  const byteLength = readVarUint(update, at)
  if (byteLength === null) return null
  const end = byteLength[1] + byteLength[0]
  // ASCII only: then its UTF-16 length, Yjs's clock length of a string, is its byte length. And no delete set.
  if (end + 1 !== update.length || update[end] !== 0) return null
  for (let position = byteLength[1]; position < end; position += 1) if ((update[position] as number) >= 0x80) return null
  return { client: client[0], from: clock[0], to: clock[0] + byteLength[0] }
}

/** Every client's clock range in `update`: the fast path above, else `Y.parseUpdateMeta`. */
export function readClockRanges(update: Uint8Array): ClockRange[] {
  const range = readKeystrokeRange(update)
  if (range !== null) return [range]
  const { from, to } = Y.parseUpdateMeta(update)
  return [...to].map(([client, end]) => ({ client, from: from.get(client) ?? 0, to: end }))
}
