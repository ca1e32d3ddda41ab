import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { readDurabilityMessage } from '../messages.js'
import { messageDurability } from '../protocol.js'

export type DecodedDurabilityMessage =
  | { kind: 'saved'; stateVector: Map<number, number> }
  | { kind: 'failing'; reason: string }
  | { kind: 'saved-through'; seq: number }

/** Decodes a `messageDurability` message, or returns `null` for any other message. */
export function decodeDurabilityMessage(data: Uint8Array): DecodedDurabilityMessage | null {
  const decoder = decoding.createDecoder(data)
  if (decoding.readVarUint(decoder) !== messageDurability) return null
  const message = readDurabilityMessage(decoder)
  if (message.kind === 'failing' || message.kind === 'saved-through') return message
  if (message.kind === 'save-request') throw new Error('The server sent a SAVE_REQUEST')
  return { kind: 'saved', stateVector: Y.decodeStateVector(message.stateVector) }
}

/** Every durability message among `received`, in order. */
export function durabilityMessages(received: readonly Uint8Array[]): DecodedDurabilityMessage[] {
  return received.map(decodeDurabilityMessage).filter((message) => message !== null)
}

/** True when some SAVED among `received` covers `clock` of `clientId`. */
export function savedCovers(received: readonly Uint8Array[], clientId: number, clock: number): boolean {
  return durabilityMessages(received).some(
    (message) => message.kind === 'saved' && (message.stateVector.get(clientId) ?? 0) >= clock,
  )
}

/** The seqs of every SAVED_THROUGH among `received`, in order. */
export function savedThroughSeqs(received: readonly Uint8Array[]): number[] {
  return durabilityMessages(received).flatMap((message) => (message.kind === 'saved-through' ? [message.seq] : []))
}
