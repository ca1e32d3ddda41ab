import { InvalidUpdateError } from '../InvalidUpdateError.js'

// lib0 `readAny` type bytes.
const anyUndefined = 127
const anyNull = 126
const anyInteger = 125
const anyFloat32 = 124
const anyFloat64 = 123
const anyBigInt64 = 122
const anyFalse = 121
const anyTrue = 120
const anyString = 119
const anyObject = 118
const anyArray = 117
const anyBytes = 116

const maxVarUintBytes = 8

/** Reads lib0-encoded values from an update, checking every length against the bytes left. */
export class UpdateReader {
  position = 0

  constructor(private readonly bytes: Uint8Array) {}

  private truncated(): InvalidUpdateError {
    return new InvalidUpdateError(`The update is truncated (at byte ${this.position} of ${this.bytes.length})`)
  }

  uint8(): number {
    if (this.position >= this.bytes.length) throw this.truncated()
    return this.bytes[this.position++] as number
  }

  varUint(): number {
    let value = 0
    let multiplier = 1
    for (let i = 0; i < maxVarUintBytes; i++) {
      const byte = this.uint8()
      value += (byte & 0x7f) * multiplier
      if (byte < 0x80) {
        if (value > Number.MAX_SAFE_INTEGER) break
        return value
      }
      multiplier *= 0x80
    }
    throw new InvalidUpdateError(`A number is too large (at byte ${this.position})`)
  }

  /** A count of things that each take at least `minBytes`, checked against the bytes left. */
  count(minBytes: number, what: string): number {
    const count = this.varUint()
    if (count * minBytes > this.bytes.length - this.position) {
      throw new InvalidUpdateError(`The update claims ${count} ${what}, more than its bytes can hold`)
    }
    return count
  }

  skip(length: number): void {
    if (length > this.bytes.length - this.position) throw this.truncated()
    this.position += length
  }

  /** Skips a string (varuint byte length, UTF-8) and returns its length in UTF-16 code units. */
  string(): number {
    const length = this.varUint()
    if (length > this.bytes.length - this.position) throw this.truncated()
    const end = this.position + length
    const units = utf16Length(this.bytes, this.position, end)
    this.position = end
    return units
  }

  /** Skips one lib0 `writeAny` value, nested ones included (without recursion). */
  any(): void {
    // Pending values as runs: per run, whether its values are object entries (key, value) and how many are left.
    const entryRuns: boolean[] = []
    const counts: number[] = []
    let entries = false
    let left = 1
    for (;;) {
      if (left === 0) {
        if (counts.length === 0) return
        entries = entryRuns.pop() as boolean
        left = counts.pop() as number
        continue
      }
      left--
      if (entries) this.string()
      const type = this.uint8()
      switch (type) {
        case anyUndefined:
        case anyNull:
        case anyFalse:
        case anyTrue:
          break
        case anyInteger:
          this.skipVarInt()
          break
        case anyFloat32:
          this.skip(4)
          break
        case anyFloat64:
        case anyBigInt64:
          this.skip(8)
          break
        case anyString:
          this.string()
          break
        case anyObject:
        case anyArray: {
          const isObject = type === anyObject
          const count = this.count(isObject ? 2 : 1, isObject ? 'object entries' : 'array values')
          if (count === 0) break
          entryRuns.push(entries)
          counts.push(left)
          entries = isObject
          left = count
          break
        }
        case anyBytes:
          this.skip(this.varUint())
          break
        default:
          throw new InvalidUpdateError(`Unknown value type ${type} (at byte ${this.position - 1})`)
      }
    }
  }

  private skipVarInt(): void {
    for (let i = 0; i <= maxVarUintBytes; i++) {
      if (this.uint8() < 0x80) return
    }
    throw new InvalidUpdateError(`A number is too large (at byte ${this.position})`)
  }
}

/**
 * The UTF-16 length of the UTF-8 bytes `[start, end)`: one unit per character, two for a 4-byte one. Throws on
 * bytes that are not UTF-8 (Yjs decodes strings with a fatal decoder).
 */
function utf16Length(bytes: Uint8Array, start: number, end: number): number {
  let units = 0
  let i = start
  while (i < end) {
    const lead = bytes[i] as number
    if (lead < 0x80) {
      units++
      i++
      continue
    }
    let continuations: number
    let low = 0x80
    let high = 0xbf
    if (lead >= 0xc2 && lead <= 0xdf) continuations = 1
    else if (lead >= 0xe0 && lead <= 0xef) {
      continuations = 2
      if (lead === 0xe0) low = 0xa0
      else if (lead === 0xed) high = 0x9f
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      continuations = 3
      if (lead === 0xf0) low = 0x90
      else if (lead === 0xf4) high = 0x8f
    } else throw invalidUtf8(i)
    if (i + continuations >= end) throw invalidUtf8(i)
    const second = bytes[i + 1] as number
    if (second < low || second > high) throw invalidUtf8(i)
    for (let k = 2; k <= continuations; k++) {
      if (((bytes[i + k] as number) & 0xc0) !== 0x80) throw invalidUtf8(i)
    }
    units += continuations === 3 ? 2 : 1
    i += continuations + 1
  }
  return units
}

function invalidUtf8(position: number): InvalidUpdateError {
  return new InvalidUpdateError(`A string is not UTF-8 (at byte ${position})`)
}
