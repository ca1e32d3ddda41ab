import * as decoding from 'lib0/decoding'

/**
 * Checks that `update` is a complete awareness update (a count, then per client its id, clock and JSON state)
 * before it is applied: `applyAwarenessUpdate` sets states while reading, so a truncated update would leave
 * states behind without telling anyone. Throws on anything malformed.
 */
export function validateAwarenessUpdate(update: Uint8Array): void {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  for (let index = 0; index < count; index++) {
    decoding.readVarUint(decoder)
    decoding.readVarUint(decoder)
    JSON.parse(decoding.readVarString(decoder))
  }
}
