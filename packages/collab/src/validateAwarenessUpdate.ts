import * as decoding from 'lib0/decoding'

/** One client's entry of an awareness update: its id, clock and state as JSON (`'null'`: the state is removed). */
export interface AwarenessEntry {
  readonly clientId: number
  readonly clock: number
  readonly state: string
}

/**
 * Checks that `update` is a complete awareness update (a count, then per client its id, clock and JSON state)
 * before it is applied: `applyAwarenessUpdate` sets states while reading, so a truncated update would leave
 * states behind without telling anyone. Throws on anything malformed; returns the entries.
 */
export function validateAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update)
  const count = decoding.readVarUint(decoder)
  const entries: AwarenessEntry[] = []
  for (let index = 0; index < count; index++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    const state = decoding.readVarString(decoder)
    JSON.parse(state)
    entries.push({ clientId, clock, state })
  }
  return entries
}
