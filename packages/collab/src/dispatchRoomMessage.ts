import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import type { Connection } from './Connection.js'
import { messageAuth, messageAwareness, messageDurability, messageQueryAwareness, messageSync } from './protocol.js'

/** What a room does with each kind of message (see `docs/PROTOCOL.md`). */
export interface RoomMessageHandlers {
  syncStep1(connection: Connection, stateVector: Uint8Array): void
  /** A sync step 2 (`isLiveEdit` false) or an update message (`isLiveEdit` true). */
  write(connection: Connection, update: Uint8Array, isLiveEdit: boolean): void
  awareness(connection: Connection, update: Uint8Array): void
  queryAwareness(connection: Connection): void
  durability(connection: Connection, decoder: decoding.Decoder): void
}

/** Decodes one y-websocket message and hands it to its handler; throws on a malformed or unknown one. */
export function dispatchRoomMessage(connection: Connection, data: Uint8Array, handlers: RoomMessageHandlers): void {
  const decoder = decoding.createDecoder(data)
  const messageType = decoding.readVarUint(decoder)
  switch (messageType) {
    case messageSync: {
      const syncType = decoding.readVarUint(decoder)
      if (syncType === syncProtocol.messageYjsSyncStep1) handlers.syncStep1(connection, decoding.readVarUint8Array(decoder))
      else if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
        handlers.write(connection, decoding.readVarUint8Array(decoder), syncType === syncProtocol.messageYjsUpdate)
      } else throw new Error(`Unknown sync message type ${syncType}`)
      break
    }
    case messageAwareness:
      handlers.awareness(connection, decoding.readVarUint8Array(decoder))
      break
    case messageQueryAwareness:
      handlers.queryAwareness(connection)
      break
    case messageAuth:
      // Authentication happens before the core sees a socket; the message is ignored.
      break
    case messageDurability:
      handlers.durability(connection, decoder)
      break
    default:
      throw new Error(`Unknown message type ${messageType}`)
  }
}
