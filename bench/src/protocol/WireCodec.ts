import type * as decoding from 'lib0/decoding'
import type * as encoding from 'lib0/encoding'

/** Which framing a server speaks: the bare y-websocket protocol or Hocuspocus's (document name prefix + auth). */
export type WireProtocol = 'y-websocket' | 'hocuspocus'

/** Outer message types shared by both framings (y-websocket numbering; Hocuspocus uses the same numbers). */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  /** Hocuspocus only: a sync message the receiver must not answer with its own step 1. */
  SyncReply: 4,
  /** Hocuspocus only: acknowledgement of an update the client sent. */
  SyncStatus: 8,
} as const

/** One decoded incoming message: its outer type and a decoder placed on its payload. */
export interface IncomingFrame {
  readonly type: number
  readonly decoder: decoding.Decoder
}

/**
 * Frames and unframes the messages of one document on one socket, so the light client does not care which
 * server it talks to.
 */
export interface WireCodec {
  readonly protocol: WireProtocol
  /** Messages to send as soon as the socket opens, before sync step 1 (Hocuspocus: the auth token). */
  openingMessages(): Uint8Array[]
  /** A message of outer `type` whose payload `writePayload` writes. */
  encode(type: number, writePayload: (encoder: encoding.Encoder) => void): Uint8Array
  /** The outer type and payload decoder of an incoming message, or null when it is for another document. */
  decode(message: Uint8Array): IncomingFrame | null
}
