import { performance } from 'node:perf_hooks'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

const MESSAGE_SYNC = 0
const MESSAGE_AUTH = 2
const SYNC_STEP_1 = 0
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2

/** Origin given to remote updates applied to the local doc, so they are not sent back. */
export const REMOTE_ORIGIN = Symbol('remote')

export interface SyncSocketOptions {
  /** `ws://host:port` of the server. */
  readonly wsUrl: string
  readonly roundtableId: string
  readonly token: string
  readonly doc: Y.Doc
  /** Called with every update received from the server (step 2 or update) before it is applied. */
  readonly onRemoteUpdate?: (update: Uint8Array, receivedAt: number) => void
}

/**
 * A minimal y-websocket client over raw `ws`: sends sync step 1 on open, answers the server's step 1, applies
 * step 2 and updates to its doc, and sends every local update of the doc. No awareness handling, no reconnects:
 * the bench wants to see a lost connection, not hide it.
 */
export class SyncSocket {
  readonly synced: Promise<void>
  /** Set when the socket closes: the close code (`null` while open). */
  closeCode: number | null = null
  readOnly = false
  private readonly socket: WebSocket
  private closingOnPurpose = false

  constructor(private readonly options: SyncSocketOptions) {
    const url = `${options.wsUrl}/collab/${options.roundtableId}?token=${encodeURIComponent(options.token)}`
    this.socket = new WebSocket(url, { perMessageDeflate: false })
    this.socket.binaryType = 'nodebuffer'
    let resolveSynced: () => void = () => undefined
    let rejectSynced: (error: Error) => void = () => undefined
    this.synced = new Promise<void>((resolve, reject) => {
      resolveSynced = resolve
      rejectSynced = reject
    })
    this.synced.catch(() => undefined)
    this.socket.on('open', () => {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MESSAGE_SYNC)
      syncProtocol.writeSyncStep1(encoder, options.doc)
      this.send(encoding.toUint8Array(encoder))
    })
    this.socket.on('message', (data: Buffer) => {
      const receivedAt = performance.now()
      if (this.handleMessage(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), receivedAt)) resolveSynced()
    })
    this.socket.on('close', (code) => {
      this.closeCode = code
      rejectSynced(new Error(`socket to ${options.roundtableId} closed with ${code} before syncing`))
    })
    this.socket.on('error', (error) => rejectSynced(error))
    options.doc.on('update', this.onLocalUpdate)
  }

  /** True when the socket closed although `close()` was never called. */
  get lostConnection(): boolean {
    return this.closeCode !== null && !this.closingOnPurpose
  }

  send(message: Uint8Array): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(message)
  }

  close(): void {
    this.closingOnPurpose = true
    this.options.doc.off('update', this.onLocalUpdate)
    this.socket.close()
  }

  private readonly onLocalUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === REMOTE_ORIGIN) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SYNC)
    syncProtocol.writeUpdate(encoder, update)
    this.send(encoding.toUint8Array(encoder))
  }

  /** Handles one message; returns true when it was the server's sync step 2 (the doc is now synced). */
  private handleMessage(message: Uint8Array, receivedAt: number): boolean {
    const decoder = decoding.createDecoder(message)
    const type = decoding.readVarUint(decoder)
    if (type === MESSAGE_AUTH) {
      this.readOnly = true
      return false
    }
    if (type !== MESSAGE_SYNC) return false
    const step = decoding.readVarUint(decoder)
    if (step === SYNC_STEP_1) {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, MESSAGE_SYNC)
      syncProtocol.readSyncStep1(decoder, encoder, this.options.doc)
      this.send(encoding.toUint8Array(encoder))
      return false
    }
    if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return false
    const update = decoding.readVarUint8Array(decoder)
    this.options.onRemoteUpdate?.(update, receivedAt)
    Y.applyUpdate(this.options.doc, update, REMOTE_ORIGIN)
    return step === SYNC_STEP_2
  }
}
