import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { CollabServer } from '../CollabServer.js'
import type { CollabSocket } from '../CollabSocket.js'
import type { Connection, ConnectionOptions } from '../Connection.js'
import { messageAwareness, messageSync } from '../protocol.js'

/**
 * A y-websocket-style client wired to the core in process: its socket is the `CollabSocket` the core sends to,
 * and it hands its own messages to the `Connection`. Like a real socket, both directions deliver
 * asynchronously (one microtask later), in order. It records every message and the close code.
 */
export class InProcessClient {
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly received: Uint8Array[] = []
  closeCode: number | null = null
  closeReason: string | null = null
  private disconnected = false
  synced = false
  readonly connection: Connection

  constructor(server: CollabServer, documentName: string, options: ConnectionOptions = {}, context?: unknown) {
    const socket: CollabSocket = {
      send: (data) => queueMicrotask(() => this.handle(data)),
      close: (code, reason) => {
        this.closeCode = code
        this.closeReason = reason
      },
    }
    this.connection = server.handleConnection(socket, documentName, context, options)
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === this) return
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, messageSync)
      syncProtocol.writeUpdate(encoder, update)
      this.send(encoding.toUint8Array(encoder))
    })
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (origin === this) return
      const changed = [...(added ?? []), ...(updated ?? []), ...(removed ?? [])]
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, messageAwareness)
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed))
      this.send(encoding.toUint8Array(encoder))
    })
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, messageSync)
    syncProtocol.writeSyncStep1(encoder, this.doc)
    this.send(encoding.toUint8Array(encoder))
  }

  send(data: Uint8Array): void {
    queueMicrotask(() => this.connection.receive(data))
  }

  disconnect(): void {
    this.disconnected = true
    this.connection.closed()
    this.awareness.destroy()
    this.doc.destroy()
  }

  private handle(data: Uint8Array): void {
    if (this.closeCode !== null || this.disconnected) return
    this.received.push(data)
    const decoder = decoding.createDecoder(data)
    const messageType = decoding.readVarUint(decoder)
    if (messageType === messageSync) {
      const reply = encoding.createEncoder()
      encoding.writeVarUint(reply, messageSync)
      const syncType = syncProtocol.readSyncMessage(decoder, reply, this.doc, this)
      if (syncType === syncProtocol.messageYjsSyncStep2) this.synced = true
      if (encoding.length(reply) > 1) this.send(encoding.toUint8Array(reply))
    } else if (messageType === messageAwareness) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this)
    }
  }
}
