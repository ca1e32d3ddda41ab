import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { CollabServer, type Logger } from '@rapporteur/collab'
import type { Redis } from 'ioredis'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { attachCollabWebSocket, type CollabWebSocket } from '../../collab/attachCollabWebSocket.js'
import { whenSynced } from '../../collab/__tests__/whenSynced.js'
import { PostgresDocumentStore } from '../../storage/PostgresDocumentStore.js'
import { catchUpFromStore } from '../catchUpFromStore.js'
import { RedisFanout } from '../RedisFanout.js'
import { testRedis } from './redisTestConnection.js'

export interface FanoutInstanceOptions {
  readonly name: string
  readonly databaseUrl: string
  readonly keyPrefix: string
  readonly logger: Logger
  /** Default: 0 (off), so the tests see the catch-ups the fan-out triggers itself. */
  readonly idleCatchUpMs?: number
  /** Default: 60 s, so a test converging in time shows that the catch-up it is about did it, not a follow-up. */
  readonly followUpCatchUpMs?: number
}

export interface FanoutClient {
  readonly doc: Y.Doc
  readonly text: Y.Text
  readonly provider: WebsocketProvider
  destroy(): void
}

/**
 * One server instance as production would run it, minus auth: a `CollabServer` on its own PostgreSQL store (the
 * database shared with the other instances), a `RedisFanout` with connections named `<name>-publisher` /
 * `<name>-subscriber`, and real WebSockets on a free port, for the stock y-websocket client.
 */
export class FanoutInstance {
  private constructor(
    readonly name: string,
    readonly collab: CollabServer,
    readonly store: PostgresDocumentStore,
    readonly fanout: RedisFanout,
    readonly publisher: Redis,
    readonly subscriber: Redis,
    private readonly httpServer: http.Server,
    private readonly webSocket: CollabWebSocket,
    private readonly clients: FanoutClient[] = [],
  ) {}

  static async start(options: FanoutInstanceOptions): Promise<FanoutInstance> {
    const { name, logger } = options
    const store = await PostgresDocumentStore.open(options.databaseUrl, logger)
    const publisher = testRedis(`${name}-publisher`, { enableOfflineQueue: false })
    const subscriber = testRedis(`${name}-subscriber`, { maxRetriesPerRequest: null })
    await Promise.all([publisher, subscriber].map((client) => waitForReady(client)))
    const fanout = new RedisFanout({
      publisher,
      subscriber,
      keyPrefix: options.keyPrefix,
      instanceId: name,
      catchUp: catchUpFromStore(store),
      logger,
      idleCatchUpMs: options.idleCatchUpMs ?? 0,
      followUpCatchUpMs: options.followUpCatchUpMs ?? 60_000,
    })
    const collab = new CollabServer({ store, logger, hooks: fanout.hooks })
    fanout.attach(collab)
    const httpServer = http.createServer()
    const webSocket = attachCollabWebSocket(httpServer, collab, { logger })
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve))
    return new FanoutInstance(name, collab, store, fanout, publisher, subscriber, httpServer, webSocket)
  }

  /** A stock y-websocket client on `documentName`, resolved once synced. */
  async connect(documentName: string): Promise<FanoutClient> {
    const { port } = this.httpServer.address() as AddressInfo
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(`ws://127.0.0.1:${port}/collab`, documentName, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    const client = {
      doc,
      text: doc.getText('body'),
      provider,
      destroy: () => {
        provider.destroy()
        doc.destroy()
      },
    }
    this.clients.push(client)
    await whenSynced(provider)
    return client
  }

  async stop(): Promise<void> {
    for (const client of this.clients.splice(0)) client.destroy()
    await this.webSocket.close()
    await new Promise((resolve) => this.httpServer.close(resolve))
    await this.collab.destroy()
    await this.fanout.close()
    await this.store.close()
  }
}

function waitForReady(client: Redis): Promise<void> {
  if (client.status === 'ready') return Promise.resolve()
  return new Promise((resolve) => client.once('ready', () => resolve()))
}
