import { performance } from 'node:perf_hooks'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import { MessageType, type WireCodec } from '../protocol/WireCodec.js'
import type { RunningServer } from '../servers/ServerUnderTest.js'
import { UpdateLog } from './UpdateLog.js'

const SYNC_STEP_1 = 0
const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2
/** An empty Yjs update (no structs, empty delete set): the light client's answer to the server's step 1. */
const EMPTY_UPDATE = new Uint8Array([0, 0])
/** An empty state vector: "send me everything". */
const EMPTY_STATE_VECTOR = new Uint8Array([0])

export interface LightClientOptions {
  readonly server: RunningServer
  readonly documentName: string
  /** Called with every Yjs update received (the server's step 2 and each update), with its receive time. */
  readonly onUpdate?: (update: Uint8Array, receivedAt: number, isSyncStep2: boolean) => void
  /** Keep every received update (for an observer that checks convergence at the end). Default false. */
  readonly keepUpdates?: boolean
}

/**
 * A protocol-agnostic y-websocket client that holds no Y.Doc: on open it sends the codec's opening messages and
 * sync step 1 with an empty state vector, answers the server's step 1 with an empty update, and hands every
 * incoming update to `onUpdate` (undecoded). Awareness from others is ignored. No reconnects: a lost connection
 * must show, not be hidden.
 */
export class LightClient {
  /** performance.now() when the socket opened. */
  readonly opened: Promise<number>
  /** performance.now() when the server's sync step 2 (the full state) arrived. */
  readonly synced: Promise<number>
  /** Every received update, in order (only with `keepUpdates`). */
  readonly updates = new UpdateLog()
  closeCode: number | null = null
  /** Number of messages received of any kind. */
  messagesReceived = 0
  private readonly socket: WebSocket
  private readonly codec: WireCodec
  private closingOnPurpose = false

  constructor(private readonly options: LightClientOptions) {
    this.codec = options.server.codec(options.documentName)
    this.socket = new WebSocket(options.server.documentUrl(options.documentName), { perMessageDeflate: false })
    this.socket.binaryType = 'nodebuffer'
    let resolveOpened: (at: number) => void = () => undefined
    let rejectOpened: (error: Error) => void = () => undefined
    let resolveSynced: (at: number) => void = () => undefined
    let rejectSynced: (error: Error) => void = () => undefined
    this.opened = new Promise<number>((resolve, reject) => {
      resolveOpened = resolve
      rejectOpened = reject
    })
    this.synced = new Promise<number>((resolve, reject) => {
      resolveSynced = resolve
      rejectSynced = reject
    })
    // Settled promises ignore later calls, so a close after the sync changes nothing.
    const rejectAll = (error: Error): void => {
      rejectOpened(error)
      rejectSynced(error)
    }
    this.opened.catch(() => undefined)
    this.synced.catch(() => undefined)
    this.socket.on('open', () => {
      resolveOpened(performance.now())
      for (const message of this.codec.openingMessages()) this.socket.send(message)
      this.sendSync((encoder) => {
        encoding.writeVarUint(encoder, SYNC_STEP_1)
        encoding.writeVarUint8Array(encoder, EMPTY_STATE_VECTOR)
      })
    })
    this.socket.on('message', (data: Buffer) => {
      const receivedAt = performance.now()
      this.messagesReceived += 1
      const message = new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      if (this.handleMessage(message, receivedAt)) resolveSynced(receivedAt)
    })
    this.socket.on('close', (code) => {
      this.closeCode = code
      rejectAll(new Error(`socket to ${options.documentName} closed with ${code} before syncing`))
    })
    this.socket.on('error', (error) => rejectAll(error))
  }

  get documentName(): string {
    return this.options.documentName
  }

  /** True when the socket closed although `close()` was never called. */
  get lostConnection(): boolean {
    return this.closeCode !== null && !this.closingOnPurpose
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN
  }

  /** Sends one Yjs update (sync message, sub-type update). */
  sendUpdate(update: Uint8Array): void {
    this.sendSync((encoder) => {
      encoding.writeVarUint(encoder, SYNC_UPDATE)
      encoding.writeVarUint8Array(encoder, update)
    })
  }

  /** Sends one awareness update (as `encodeAwarenessUpdate` makes it). */
  sendAwareness(update: Uint8Array): void {
    this.send(this.codec.encode(MessageType.Awareness, (encoder) => encoding.writeVarUint8Array(encoder, update)))
  }

  close(): void {
    this.closingOnPurpose = true
    this.socket.close()
  }

  /** Closes and resolves once the socket is closed (or after 2 s). */
  async closed(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return
    const done = new Promise<void>((resolve) => {
      this.socket.once('close', () => resolve())
      setTimeout(resolve, 2_000).unref()
    })
    this.close()
    await done
  }

  private sendSync(writePayload: (encoder: encoding.Encoder) => void): void {
    this.send(this.codec.encode(MessageType.Sync, writePayload))
  }

  private send(message: Uint8Array): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(message)
  }

  /** Handles one message; returns true when it was the server's sync step 2. */
  private handleMessage(message: Uint8Array, receivedAt: number): boolean {
    const frame = this.codec.decode(message)
    if (frame === null) return false
    if (frame.type !== MessageType.Sync && frame.type !== MessageType.SyncReply) return false
    const step = decoding.readVarUint(frame.decoder)
    if (step === SYNC_STEP_1) {
      this.sendSync((encoder) => {
        encoding.writeVarUint(encoder, SYNC_STEP_2)
        encoding.writeVarUint8Array(encoder, EMPTY_UPDATE)
      })
      return false
    }
    if (step !== SYNC_STEP_2 && step !== SYNC_UPDATE) return false
    const update = decoding.readVarUint8Array(frame.decoder)
    if (this.options.keepUpdates === true) this.updates.append(update)
    this.options.onUpdate?.(update, receivedAt, step === SYNC_STEP_2)
    return step === SYNC_STEP_2
  }
}
