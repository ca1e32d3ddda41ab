import { DurabilityKind } from '@rapporteur/collab'
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'

/** A durability message's payload (after its outer type), see docs/PROTOCOL.md. */
export type DurabilityMessage =
  | { readonly kind: 'saved'; readonly stateVector: Map<number, number> }
  | { readonly kind: 'storage-failing'; readonly reason: string }
  | { readonly kind: 'saved-through'; readonly seq: number }
  | { readonly kind: 'unknown' }

/** Reads a `messageDurability` payload; kinds this client does not know are reported as `unknown`, not thrown. */
export function readDurabilityMessage(decoder: decoding.Decoder): DurabilityMessage {
  const kind = decoding.readVarUint(decoder)
  switch (kind) {
    case DurabilityKind.Saved:
      return { kind: 'saved', stateVector: Y.decodeStateVector(decoding.readVarUint8Array(decoder)) }
    case DurabilityKind.StorageFailing:
      return { kind: 'storage-failing', reason: decoding.readVarString(decoder) }
    case DurabilityKind.SavedThrough:
      return { kind: 'saved-through', seq: decoding.readVarUint(decoder) }
    default:
      return { kind: 'unknown' }
  }
}
