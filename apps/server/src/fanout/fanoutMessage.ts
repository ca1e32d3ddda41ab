/** The first byte of every frame: the layout below. A frame of any other version is not decoded. */
export const FANOUT_FRAME_VERSION = 1

/** Bytes before the sender's id: version, id length, epoch (uint32), seq (uint32). */
const HEADER_BYTES = 10
/** Longest sender id a frame can carry, in UTF-8 bytes. */
export const MAX_INSTANCE_ID_BYTES = 255

/** One instance's update to a document, as published on the document's channel. */
export interface FanoutMessage {
  /** The instance that applied and stored the update. */
  readonly instanceId: string
  /** Random per opening of the document on the sender: a new epoch starts its `seq` again at 1. */
  readonly epoch: number
  /** 1, 2, 3… per epoch: a jump tells a receiver it missed messages. */
  readonly seq: number
  /** The Yjs update; empty for a marker that only carries `seq` (sent after failed publishes). */
  readonly update: Uint8Array
}

/**
 * The frame: `[version u8][id length u8][epoch u32 BE][seq u32 BE][instance id, UTF-8][update…]`. No copy of
 * the update beyond the one concatenation.
 */
export function encodeFanoutMessage(message: FanoutMessage): Buffer {
  const id = Buffer.from(message.instanceId, 'utf8')
  if (id.length > MAX_INSTANCE_ID_BYTES) throw new RangeError(`instanceId is longer than ${MAX_INSTANCE_ID_BYTES} bytes`)
  const header = Buffer.alloc(HEADER_BYTES)
  header.writeUInt8(FANOUT_FRAME_VERSION, 0)
  header.writeUInt8(id.length, 1)
  header.writeUInt32BE(message.epoch, 2)
  header.writeUInt32BE(message.seq, 6)
  return Buffer.concat([header, id, message.update])
}

/** Reads a frame; throws a `RangeError` for a truncated frame or another version. */
export function decodeFanoutMessage(frame: Uint8Array): FanoutMessage {
  const bytes = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength)
  if (bytes.length < HEADER_BYTES) throw new RangeError(`Fan-out frame of ${bytes.length} bytes is truncated`)
  const version = bytes.readUInt8(0)
  if (version !== FANOUT_FRAME_VERSION) throw new RangeError(`Fan-out frame version ${version} is not supported`)
  const idEnd = HEADER_BYTES + bytes.readUInt8(1)
  if (bytes.length < idEnd) throw new RangeError('Fan-out frame is truncated inside the instance id')
  return {
    instanceId: bytes.toString('utf8', HEADER_BYTES, idEnd),
    epoch: bytes.readUInt32BE(2),
    seq: bytes.readUInt32BE(6),
    update: new Uint8Array(bytes.buffer, bytes.byteOffset + idEnd, bytes.length - idEnd),
  }
}
