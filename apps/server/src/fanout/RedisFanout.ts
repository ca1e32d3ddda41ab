import { randomBytes, randomInt } from 'node:crypto'
import { isPeerOrigin, type ChangeOrigin, type CollabHooks, type CollabServer, type Logger } from '@rapporteur/collab'
import { Redis } from 'ioredis'
import { CatchUps } from './CatchUps.js'
import { decodeFanoutMessage, encodeFanoutMessage } from './fanoutMessage.js'
import { OutageLog } from './OutageLog.js'
import {
  DEFAULT_FOLLOW_UP_CATCH_UP_MS,
  DEFAULT_IDLE_CATCH_UP_MS,
  type RedisFanoutOptions,
} from './RedisFanoutOptions.js'
import { SequenceTracker } from './SequenceTracker.js'

const NO_UPDATE = new Uint8Array(0)
/** The origin label of catch-ups (a peer origin: applied, relayed, not stored again). */
const CATCH_UP_LABEL = 'catch-up'

interface OpenDocument {
  readonly channel: string
  readonly epoch: number
  seq: number
  lastPeerActivity: number
}

/**
 * Relays each open document's updates between server instances that share one store, over Redis pub/sub:
 * every update not from a peer is published on the document's channel; peers' updates are applied as `peer`
 * (relayed to the clients here, not stored here). Missed messages (a seq jump, a reconnected subscriber, a
 * document just opened) are made up by a catch-up from the store. Add `hooks` to the server's, then `attach`.
 */
export class RedisFanout {
  readonly instanceId: string
  readonly hooks: Required<Pick<CollabHooks, 'onDocumentUpdate' | 'onDocumentOpen' | 'onDocumentClose'>>
  private readonly publisher: Redis
  private readonly subscriber: Redis
  private readonly channelPrefix: string
  private readonly logger: Logger
  private readonly documents = new Map<string, OpenDocument>()
  private readonly sequences = new SequenceTracker()
  private readonly catchUps: CatchUps
  private readonly publishing: OutageLog
  private readonly subscribing: OutageLog
  /** Open documents whose last publish failed: they get a marker once publishing works again. */
  private readonly unpublished = new Set<string>()
  private readonly idleTimer: NodeJS.Timeout | null
  private collab: Pick<CollabServer, 'applyUpdate'> | null = null
  private closing: Promise<void> | null = null

  constructor(options: RedisFanoutOptions) {
    const { redisUrl, logger } = options
    if ((options.publisher === undefined || options.subscriber === undefined) && redisUrl === undefined) {
      throw new TypeError('RedisFanout needs redisUrl, or both publisher and subscriber')
    }
    this.publisher = options.publisher ?? new Redis(redisUrl as string, { enableOfflineQueue: false })
    this.subscriber = options.subscriber ?? new Redis(redisUrl as string, { maxRetriesPerRequest: null })
    this.instanceId = options.instanceId ?? randomBytes(8).toString('hex')
    this.channelPrefix = `${options.keyPrefix ?? 'rapporteur:'}doc:`
    this.logger = logger
    this.publishing = new OutageLog(logger, 'Fan-out publishing to Redis')
    this.subscribing = new OutageLog(logger, 'Fan-out subscription to Redis')
    this.catchUps = new CatchUps({
      load: options.catchUp,
      apply: (name, state) => this.apply(name, state, CATCH_UP_LABEL),
      followUpMs: options.followUpCatchUpMs ?? DEFAULT_FOLLOW_UP_CATCH_UP_MS,
      logger,
    })
    this.hooks = {
      onDocumentOpen: (name) => void this.opened(name),
      onDocumentClose: (name) => this.closed(name),
      onDocumentUpdate: (name, update, origin) => this.updated(name, update, origin),
    }
    this.subscriber.on('messageBuffer', (channel: Buffer, frame: Buffer) => this.received(channel.toString(), frame))
    this.subscriber.on('ready', () => this.subscriberReady())
    this.subscriber.on('error', (error: Error) => this.subscribing.failed(error))
    this.subscriber.on('close', () => {
      if (this.closing === null) this.subscribing.failed(new Error('connection closed'))
    })
    this.publisher.on('ready', () => {
      this.publishing.recovered()
      this.sendMarkers()
    })
    this.publisher.on('error', (error: Error) => this.publishing.failed(error))
    const idleMs = options.idleCatchUpMs ?? DEFAULT_IDLE_CATCH_UP_MS
    this.idleTimer = idleMs > 0 ? setInterval(() => this.catchUpIdle(idleMs), idleMs) : null
    this.idleTimer?.unref()
  }

  /** The server whose documents receive the peers' updates and catch-ups. */
  attach(collab: Pick<CollabServer, 'applyUpdate'>): void {
    this.collab = collab
  }

  /** Stops catching up, unsubscribes and quits both connections. Calling it again waits for the same close. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.idleTimer !== null) clearInterval(this.idleTimer)
      this.documents.clear()
      await this.catchUps.close()
      // While Redis is down a command would wait for the reconnection: close such a connection at once.
      if (this.subscriber.status === 'ready') await this.subscriber.unsubscribe().catch(() => undefined)
      for (const client of [this.subscriber, this.publisher]) {
        if (client.status === 'ready') await client.quit().catch(() => client.disconnect())
        else client.disconnect()
      }
    })()
    return this.closing
  }

  private async opened(name: string): Promise<OpenDocument> {
    const existing = this.documents.get(name)
    if (existing !== undefined) return existing
    const document = { channel: this.channelPrefix + name, epoch: randomInt(2 ** 32), seq: 0, lastPeerActivity: Date.now() }
    this.documents.set(name, document)
    try {
      await this.subscriber.subscribe(document.channel)
    } catch (error) {
      this.subscribing.failed(error)
    }
    if (this.documents.get(name) === document) this.catchUps.request(name)
    return document
  }

  private closed(name: string): void {
    const document = this.documents.get(name)
    if (document === undefined) return
    this.documents.delete(name)
    this.unpublished.delete(name)
    this.sequences.forget(name)
    this.catchUps.cancel(name)
    if (this.closing === null) this.subscriber.unsubscribe(document.channel).catch((error) => this.subscribing.failed(error))
  }

  private updated(name: string, update: Uint8Array, origin: ChangeOrigin): void {
    if (isPeerOrigin(origin) || this.closing !== null) return
    const document = this.documents.get(name)
    if (document === undefined) void this.opened(name).then((opened) => this.publish(name, opened, update))
    else this.publish(name, document, update)
  }

  private publish(name: string, document: OpenDocument, update: Uint8Array): void {
    document.seq += 1
    const frame = encodeFanoutMessage({ instanceId: this.instanceId, epoch: document.epoch, seq: document.seq, update })
    this.publisher.publish(document.channel, frame).then(
      () => {
        this.unpublished.delete(name)
        if (this.publishing.recovered()) this.sendMarkers()
      },
      (error: unknown) => {
        if (this.documents.get(name) === document) this.unpublished.add(name)
        this.publishing.failed(error)
      },
    )
  }

  /** After failed publishes, a frame with no update and the next seq, so the peers see the gap and catch up. */
  private sendMarkers(): void {
    for (const name of [...this.unpublished]) {
      const document = this.documents.get(name)
      this.unpublished.delete(name)
      if (document !== undefined) this.publish(name, document, NO_UPDATE)
    }
  }

  private received(channel: string, frame: Buffer): void {
    if (!channel.startsWith(this.channelPrefix)) return
    const name = channel.slice(this.channelPrefix.length)
    const document = this.documents.get(name)
    if (document === undefined) return
    let message
    try {
      message = decodeFanoutMessage(frame)
    } catch (error) {
      this.logger.warn('Ignored an unreadable fan-out frame', { documentName: name, error: String(error) })
      return
    }
    if (message.instanceId === this.instanceId) return
    document.lastPeerActivity = Date.now()
    if (message.update.length > 0) void this.apply(name, message.update, message.instanceId)
    const missed = this.sequences.observe(name, message.instanceId, message.epoch, message.seq)
    // A marker says its sender failed to publish: catch up even if this is its first message seen here.
    if (missed || message.update.length === 0) {
      this.logger.debug('Fan-out messages missed: catching up', { documentName: name, from: message.instanceId })
      this.catchUps.request(name)
    }
  }

  /** Connected (first time or again): subscribed to every open document again, each caught up. */
  private subscriberReady(): void {
    this.subscribing.recovered()
    const names = [...this.documents.keys()]
    if (names.length === 0) return
    const channels = names.map((name) => this.channelPrefix + name)
    this.subscriber.subscribe(...channels).then(
      () => names.forEach((name) => this.catchUps.request(name)),
      (error: unknown) => this.subscribing.failed(error),
    )
  }

  private catchUpIdle(idleMs: number): void {
    const now = Date.now()
    for (const [name, document] of this.documents) {
      if (now - document.lastPeerActivity < idleMs) continue
      document.lastPeerActivity = now
      this.catchUps.now(name)
    }
  }

  private async apply(name: string, update: Uint8Array, label: string): Promise<void> {
    if (this.collab === null || !this.documents.has(name)) return
    try {
      await this.collab.applyUpdate(name, update, { source: 'peer', label })
    } catch (error) {
      this.logger.warn('Could not apply a fan-out update', { documentName: name, from: label, error: String(error) })
    }
  }
}
