import type { RawData } from 'ws'

/** The bytes of a `ws` message as one `Uint8Array` (a view, not a copy, where possible). */
export function toUint8Array(data: RawData): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}
