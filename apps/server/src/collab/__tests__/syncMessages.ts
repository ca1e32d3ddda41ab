import { messageAwareness, messageSync } from '@rapporteur/collab'

/** Reads a lib0 varUint at `offset`; returns it and the offset after it. */
function readVarUint(bytes: Uint8Array, offset: number): [number, number] {
  let value = 0
  let multiplier = 1
  for (let position = offset; position < bytes.length; position++) {
    const byte = bytes[position] as number
    value += (byte & 0x7f) * multiplier
    if (byte < 0x80) return [value, position + 1]
    multiplier *= 128
  }
  throw new Error('Truncated varUint')
}

/** What a received message is: 'step1', 'step2', 'update', 'awareness' or 'type <n>'. */
export function messageKind(data: Uint8Array): string {
  const [type, next] = readVarUint(data, 0)
  if (type === messageAwareness) return 'awareness'
  if (type !== messageSync) return `type ${type}`
  return ['step1', 'step2', 'update'][readVarUint(data, next)[0]] ?? 'unknown sync'
}

/** The Yjs update inside a sync step 2 or update message. */
export function syncPayload(data: Uint8Array): Uint8Array {
  const [, afterType] = readVarUint(data, 0)
  const [, afterSyncType] = readVarUint(data, afterType)
  const [length, start] = readVarUint(data, afterSyncType)
  return data.slice(start, start + length)
}
