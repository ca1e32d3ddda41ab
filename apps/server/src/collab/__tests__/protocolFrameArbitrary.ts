import fc from 'fast-check'

export interface ProtocolFrameOptions {
  /** The core's message limit; some frames are made just over it, and some far over it. */
  maxMessageBytes: number
  /**
   * Yjs updates of one client each, new to the server but built on what it holds (their items refer to
   * stored ones). They are sent under random client ids, as they are or mutated, so that they get integrated
   * into the document again and again, and not merely recognised as known.
   */
  freshUpdates: readonly Uint8Array[]
}

/** A lib0 varUint, as the protocol writes lengths and types. */
function varUint(value: number): number[] {
  const bytes: number[] = []
  while (value > 0x7f) {
    bytes.push(0x80 | (value % 0x80))
    value = Math.floor(value / 0x80)
  }
  bytes.push(value)
  return bytes
}

function concat(...parts: (Uint8Array | readonly number[])[]): Uint8Array {
  const result = new Uint8Array(parts.reduce((length, part) => length + part.length, 0))
  let offset = 0
  for (const part of parts) {
    result.set(part, offset)
    offset += part.length
  }
  return result
}

/** A lib0 varUint read at `offset`, and the offset after it; null when the bytes end first. */
function readVarUint(bytes: Uint8Array, offset: number): [number, number] | null {
  let value = 0
  let multiplier = 1
  for (let position = offset; position < bytes.length && position < offset + 8; position++) {
    const byte = bytes[position] as number
    value += (byte & 0x7f) * multiplier
    if (byte < 0x80) return [value, position + 1]
    multiplier *= 0x80
  }
  return null
}

/** A frame split into its message header (type, and sync sub-type) and its length-prefixed payload. */
interface FramePayload {
  header: number[]
  payload: Uint8Array
}

/** The payload of a sync or awareness frame (the Yjs update, state vector or awareness update), if it has one. */
function splitFrame(frame: Uint8Array): FramePayload | null {
  const header = frame[0] === 0 ? [0, frame[1] as number] : frame[0] === 1 ? [1] : null
  if (header === null) return null
  const length = readVarUint(frame, header.length)
  if (length === null || length[1] + length[0] !== frame.length) return null
  return { header, payload: frame.subarray(length[1]) }
}

/** `update` (of one client) as if written by `clientId`; null if it is not a one-client update. */
function withClientId(update: Uint8Array, clientId: number): Uint8Array | null {
  const clients = readVarUint(update, 0)
  if (clients === null || clients[0] !== 1) return null
  const structs = readVarUint(update, clients[1])
  if (structs === null) return null
  const client = readVarUint(update, structs[1])
  if (client === null) return null
  return concat(update.subarray(0, structs[1]), varUint(clientId), update.subarray(client[1]))
}

function wrap({ header }: FramePayload, payload: Uint8Array): Uint8Array {
  return concat(header, varUint(payload.length), payload)
}

function withBitsFlipped(frame: Uint8Array, positions: number[]): Uint8Array {
  const flipped = frame.slice()
  for (const position of positions) {
    const bit = position % (flipped.length * 8)
    flipped[bit >> 3] = (flipped[bit >> 3] as number) ^ (1 << (bit & 7))
  }
  return flipped
}

/**
 * Malformed and mutated y-websocket frames, most of them derived from `realFrames` (messages a real client
 * sent), so that they get past the first bytes and into the decoders: real frames as they are, truncated,
 * extended, with bits flipped or bytes overwritten, with a wrong message type or sync sub-type, with huge or
 * lying varints; plus random bytes, awareness updates announcing absurd counts, and frames over the size limit.
 */
export function protocolFrameArbitrary(realFrames: readonly Uint8Array[], options: ProtocolFrameOptions) {
  const real = fc.constantFrom(...realFrames)
  const payloads = realFrames.map(splitFrame).filter((split) => split !== null && split.payload.length > 1)
  const realPayload = fc.constantFrom(...(payloads as FramePayload[]))
  const { maxMessageBytes } = options
  const reidentified = fc
    .tuple(fc.constantFrom(...options.freshUpdates), fc.integer({ min: 1, max: 2 ** 32 - 1 }))
    .map(([update, clientId]) => withClientId(update, clientId))
    .filter((update) => update !== null)
  const freshFrame = reidentified.map((update) => concat([0, 2], varUint(update.length), update))
  const freshFrameMutated = fc
    .tuple(reidentified, fc.array(fc.nat(), { minLength: 1, maxLength: 2 }))
    .map(([update, positions]) => {
      const mutated = withBitsFlipped(update, positions)
      return concat([0, 2], varUint(mutated.length), mutated)
    })
  const justOverLimit = concat([0, 2], varUint(maxMessageBytes), new Uint8Array(maxMessageBytes))
  const farOverLimit = new Uint8Array(2 * maxMessageBytes + 128 * 1024).fill(7)

  const truncated = real
    .filter((frame) => frame.length > 1)
    .chain((frame) => fc.integer({ min: 1, max: frame.length - 1 }).map((length) => frame.slice(0, length)))
  const extended = fc
    .tuple(real, fc.uint8Array({ minLength: 1, maxLength: 16 }))
    .map(([frame, tail]) => concat(frame, tail))
  const bitFlipped = fc
    .tuple(real, fc.array(fc.nat(), { minLength: 1, maxLength: 4 }))
    .map(([frame, positions]) => withBitsFlipped(frame, positions))
  const byteOverwritten = fc
    .tuple(real, fc.nat(), fc.integer({ min: 0, max: 255 }))
    .map(([frame, position, value]) => {
      const changed = frame.slice()
      changed[position % changed.length] = value
      return changed
    })
  const wrongType = fc
    .tuple(real, fc.integer({ min: 4, max: 255 }))
    .map(([frame, type]) => concat([type], frame.subarray(1)))
  const wrongSyncType = fc
    .tuple(real.filter((frame) => frame[0] === 0 && frame.length > 2), fc.integer({ min: 3, max: 255 }))
    .map(([frame, syncType]) => concat([0, syncType], frame.subarray(2)))
  const hugeVarint = fc
    .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 5, max: 12 }), fc.uint8Array({ maxLength: 8 }))
    .map(([type, length, tail]) => concat([type], new Array<number>(length).fill(0xff), [0x7f], tail))
  const lyingLength = fc
    .tuple(
      fc.constantFrom([0, 0], [0, 1], [0, 2], [1]),
      fc.integer({ min: 1, max: 2 ** 40 }),
      fc.uint8Array({ maxLength: 32 }),
    )
    .map(([prefix, length, tail]) => concat(prefix, varUint(length), tail))
  const absurdAwareness = fc
    .tuple(fc.integer({ min: 2 ** 20, max: 2 ** 50 }), fc.uint8Array({ maxLength: 16 }))
    .map(([count, tail]) => {
      const update = concat(varUint(count), tail)
      return concat([1], varUint(update.length), update)
    })
  // Mutations inside a well-framed message, so that they reach the Yjs and awareness decoders (and, when they
  // still decode, the document).
  const payloadBitFlipped = fc
    .tuple(realPayload, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }))
    .map(([split, positions]) => wrap(split, withBitsFlipped(split.payload, positions)))
  const payloadTruncated = realPayload.chain((split) =>
    fc.integer({ min: 0, max: split.payload.length - 1 }).map((length) => wrap(split, split.payload.slice(0, length))),
  )
  const payloadOverwritten = fc
    .tuple(realPayload, fc.nat(), fc.integer({ min: 0, max: 255 }))
    .map(([split, position, value]) => {
      const changed = split.payload.slice()
      changed[position % changed.length] = value
      return wrap(split, changed)
    })
  const payloadSpliced = fc
    .tuple(realPayload, fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 }))
    .map(([split, position, inserted]) => {
      const at = position % split.payload.length
      return wrap(split, concat(split.payload.subarray(0, at), inserted, split.payload.subarray(at)))
    })
  const randomBytes = fc.uint8Array({ maxLength: 64 })
  const typedRandomBytes = fc
    .tuple(fc.constantFrom([0, 0], [0, 1], [0, 2], [1], [3], [2]), fc.uint8Array({ maxLength: 64 }))
    .map(([prefix, tail]) => concat(prefix, tail))

  return fc.oneof(
    { arbitrary: real, weight: 3 },
    { arbitrary: truncated, weight: 4 },
    { arbitrary: extended, weight: 2 },
    { arbitrary: bitFlipped, weight: 8 },
    { arbitrary: byteOverwritten, weight: 3 },
    { arbitrary: wrongType, weight: 1 },
    { arbitrary: wrongSyncType, weight: 1 },
    { arbitrary: hugeVarint, weight: 1 },
    { arbitrary: lyingLength, weight: 2 },
    { arbitrary: absurdAwareness, weight: 1 },
    { arbitrary: randomBytes, weight: 2 },
    { arbitrary: typedRandomBytes, weight: 2 },
    { arbitrary: payloadBitFlipped, weight: 8 },
    { arbitrary: payloadTruncated, weight: 3 },
    { arbitrary: payloadOverwritten, weight: 4 },
    { arbitrary: payloadSpliced, weight: 3 },
    { arbitrary: freshFrame, weight: 4 },
    { arbitrary: freshFrameMutated, weight: 8 },
    { arbitrary: fc.constant(justOverLimit), weight: 1 },
    { arbitrary: fc.constant(farOverLimit), weight: 1 },
  )
}
