import type { CollabServer } from '../CollabServer.js'
import type { CollabSocket } from '../CollabSocket.js'
import type { Connection, ConnectionOptions } from '../Connection.js'

/**
 * A connection driven by hand: the test hands it raw frames with `receive` (synchronously, as a socket glue
 * would) and reads what the server sent and how it closed.
 */
export class RawClient {
  readonly received: Uint8Array[] = []
  closeCode: number | null = null
  readonly connection: Connection

  constructor(server: CollabServer, documentName: string, options: ConnectionOptions = {}, context?: unknown) {
    const socket: CollabSocket = {
      send: (data) => {
        this.received.push(data)
      },
      close: (code) => {
        this.closeCode = code
      },
    }
    this.connection = server.handleConnection(socket, documentName, context, options)
  }

  receive(frame: Uint8Array): void {
    this.connection.receive(frame)
  }
}
