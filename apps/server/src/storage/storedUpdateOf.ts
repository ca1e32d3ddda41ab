import type { StoredUpdate } from '@rapporteur/collab'
import { recordChecksum } from './recordChecksum.js'

/** A stored row as the core reads it: `verified` only while its bytes still match the checksum written with them. */
export function storedUpdateOf(id: number, update: Uint8Array, stateVector: Uint8Array | null, checksum: number | null): StoredUpdate {
  return {
    id,
    update: new Uint8Array(update),
    verified: checksum !== null && recordChecksum(update, stateVector) === checksum,
    ...(stateVector === null ? {} : { stateVector: new Uint8Array(stateVector) }),
  }
}
