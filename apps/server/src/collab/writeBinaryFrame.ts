import type { Socket } from 'node:net'

/** Messages at least this large are written as header + payload (no copy); smaller ones as one framed buffer. */
const copyBelowBytes = 16 * 1024

/** The frame last built, for the message it was built for: a relay sends one message to many sockets in a row. */
let lastMessage: Uint8Array | null = null
let lastFrame: Buffer | null = null

/**
 * Writes `message` to a WebSocket's TCP socket as one unmasked, unfragmented binary frame (RFC 6455 §5.2: FIN +
 * opcode 2, payload length, payload), as `ws` would without permessage-deflate (which this server does not
 * offer). A small message is framed once however many sockets it goes to (the last frame is kept), so relaying a
 * keystroke to fifty sockets costs fifty writes of the same buffer — not fifty framings and a hundred writes.
 * Frames are whole, so they interleave safely with `ws`'s own (pings, close).
 */
export function writeBinaryFrame(socket: Socket, message: Uint8Array): void {
  const length = message.byteLength
  if (length >= copyBelowBytes) {
    socket.write(frameHeader(length, 0))
    socket.write(message)
    return
  }
  if (message !== lastMessage || lastFrame === null) {
    const frame = frameHeader(length, length)
    frame.set(message, frame.byteLength - length)
    lastMessage = message
    lastFrame = frame
  }
  socket.write(lastFrame)
}

/** A frame header for a `length`-byte binary payload, in a buffer with `room` bytes left after it. */
function frameHeader(length: number, room: number): Buffer {
  const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10
  const header = Buffer.allocUnsafe(headerLength + room)
  header[0] = 0x82
  if (length < 126) header[1] = length
  else if (length < 65_536) {
    header[1] = 126
    header.writeUInt16BE(length, 2)
  } else {
    header[1] = 127
    header.writeBigUInt64BE(BigInt(length), 2)
  }
  return header
}
