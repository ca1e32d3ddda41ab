import { crc32 } from 'node:zlib'

/** CRC-32 of a stored record's update, continued over its state vector when it has one (every store writes it). */
export function recordChecksum(update: Uint8Array, stateVector: Uint8Array | null): number {
  const ofUpdate = crc32(update)
  return stateVector === null ? ofUpdate : crc32(stateVector, ofUpdate)
}
