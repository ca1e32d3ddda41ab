import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MessageType, type IncomingFrame, type WireCodec } from './WireCodec.js'

/** `AuthMessageType.Token` of `@hocuspocus/common`. */
const AUTH_TOKEN = 0

/**
 * Hocuspocus's framing: every message starts with the document name (`varString`), then the y-websocket outer
 * type and payload. The first message of a document on a socket must be an Auth message carrying a token
 * (the server queues the others until its auth hooks have run).
 */
export function hocuspocusCodec(documentName: string, token: string): WireCodec {
  const encode = (type: number, writePayload: (encoder: encoding.Encoder) => void): Uint8Array => {
    const encoder = encoding.createEncoder()
    encoding.writeVarString(encoder, documentName)
    encoding.writeVarUint(encoder, type)
    writePayload(encoder)
    return encoding.toUint8Array(encoder)
  }
  return {
    protocol: 'hocuspocus',
    openingMessages: () => [
      encode(MessageType.Auth, (encoder) => {
        encoding.writeVarUint(encoder, AUTH_TOKEN)
        encoding.writeVarString(encoder, token)
      }),
    ],
    encode,
    decode(message): IncomingFrame | null {
      const decoder = decoding.createDecoder(message)
      if (decoding.readVarString(decoder) !== documentName) return null
      return { type: decoding.readVarUint(decoder), decoder }
    },
  }
}
