import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { IncomingFrame, WireCodec } from './WireCodec.js'

/** The bare y-websocket framing: `varUint type` then the payload; one socket per document, no auth message. */
export function yWebsocketCodec(): WireCodec {
  return {
    protocol: 'y-websocket',
    openingMessages: () => [],
    encode(type, writePayload) {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, type)
      writePayload(encoder)
      return encoding.toUint8Array(encoder)
    },
    decode(message): IncomingFrame {
      const decoder = decoding.createDecoder(message)
      return { type: decoding.readVarUint(decoder), decoder }
    },
  }
}
