import type { Redis } from 'ioredis'
import { Pool } from 'pg'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { RecordingLogger } from '../../__tests__/testServer.js'
import { waitUntil } from '../../collab/__tests__/waitUntil.js'
import { postgresTestDatabase } from '../../storage/__tests__/postgresTestDatabase.js'
import { decodeFanoutMessage } from '../fanoutMessage.js'
import { FanoutInstance, type FanoutClient } from './FanoutInstance.js'
import { killRedisConnection, redisReachable, testRedis, uniqueKeyPrefix } from './redisTestConnection.js'

const database = await postgresTestDatabase()
const redisUp = await redisReachable()

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

function warnings(logger: RecordingLogger, message: string): number {
  return logger.entries.filter((entry) => entry.level === 'warn' && entry.message === message).length
}

describe.skipIf(database === null || !redisUp)('RedisFanout between two instances sharing one PostgreSQL store', () => {
  let db: Pool
  let admin: Redis
  let monitor: Redis
  let keyPrefix: string
  let common: { databaseUrl: string; keyPrefix: string }
  let loggerA: RecordingLogger
  let loggerB: RecordingLogger
  let a: FanoutInstance
  let b: FanoutInstance
  let documentCount = 0
  /** Frames published on the test's channels, by sender. */
  let frames: Map<string, number>

  const nextDocument = (): string => `report-${++documentCount}`

  async function storedUpdates(documentName: string): Promise<Uint8Array[]> {
    const { rows } = await db.query<{ update: Buffer }>(
      'SELECT "update" FROM document_updates WHERE document_name = $1 ORDER BY id',
      [documentName],
    )
    return rows.map((row) => new Uint8Array(row.update))
  }

  function textOf(updates: readonly Uint8Array[]): string {
    const doc = new Y.Doc()
    for (const update of updates) Y.applyUpdate(doc, update)
    return doc.getText('body').toString()
  }

  /** Polls the shared store until the document's stored text is `expected` (the instance stored it). */
  async function untilStored(documentName: string, expected: string): Promise<void> {
    const deadline = Date.now() + 5000
    while (textOf(await storedUpdates(documentName)) !== expected) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting until "${expected}" was stored`)
      await sleep(10)
    }
  }

  /** The stored text; fails if any struct (client, clock) is stored in two rows: each update stored once. */
  async function storedOnceText(documentName: string): Promise<string> {
    await Promise.all([a.collab.flush(), b.collab.flush()])
    const updates = await storedUpdates(documentName)
    const seen = new Set<string>()
    for (const update of updates) {
      for (const struct of Y.decodeUpdate(update).structs) {
        if (struct.constructor.name === 'Skip') continue
        for (let clock = struct.id.clock; clock < struct.id.clock + struct.length; clock += 1) {
          const id = `${struct.id.client}:${clock}`
          expect(seen.has(id), `struct ${id} stored twice`).toBe(false)
          seen.add(id)
        }
      }
    }
    return textOf(updates)
  }

  const converged = (...clients: FanoutClient[]): boolean =>
    clients.every((client) => client.text.toString() === clients[0]?.text.toString())

  beforeAll(async () => {
    db = new Pool({ connectionString: database?.url })
    admin = testRedis('fanout-test-admin')
    monitor = testRedis('fanout-test-monitor')
    monitor.on('pmessageBuffer', (_pattern: Buffer, _channel: Buffer, frame: Buffer) => {
      const sender = decodeFanoutMessage(frame).instanceId
      frames.set(sender, (frames.get(sender) ?? 0) + 1)
    })
  })
  beforeEach(async () => {
    keyPrefix = uniqueKeyPrefix()
    frames = new Map()
    await monitor.psubscribe(`${keyPrefix}doc:*`)
    loggerA = new RecordingLogger()
    loggerB = new RecordingLogger()
    common = { databaseUrl: String(database?.url), keyPrefix }
    a = await FanoutInstance.start({ ...common, name: 'instance-a', logger: loggerA })
    b = await FanoutInstance.start({ ...common, name: 'instance-b', logger: loggerB })
  })
  afterEach(async () => {
    const errors = [...loggerA.entries, ...loggerB.entries].filter((entry) => entry.level === 'error')
    await Promise.all([a?.stop(), b?.stop()])
    expect(errors).toEqual([])
    await monitor.punsubscribe()
  })
  afterAll(async () => {
    await Promise.all([admin?.quit(), monitor?.quit(), db?.end()])
    await database?.drop()
  })

  it('relays an edit on A to a client on B and back, each update stored once (by the instance it came to)', async () => {
    const name = nextDocument()
    const onA = await a.connect(name)
    const onB = await b.connect(name)
    onA.text.insert(0, 'from A. ')
    await waitUntil(() => onB.text.toString() === 'from A. ', 'the edit on A reached B')
    onB.text.insert(onB.text.length, 'from B.')
    await waitUntil(() => onA.text.toString() === 'from A. from B.', 'the edit on B reached A')
    expect(await storedOnceText(name)).toBe('from A. from B.')
    // One frame per client update, none echoed back by the instance that received it.
    expect(Object.fromEntries(frames)).toEqual({ 'instance-a': 1, 'instance-b': 1 })
  })

  it('converges concurrent edits of two clients on each instance, storing each once', async () => {
    const name = nextDocument()
    const clients = [await a.connect(name), await a.connect(name), await b.connect(name), await b.connect(name)]
    const editsEach = 25
    for (let round = 0; round < editsEach; round += 1) {
      clients.forEach((client, index) => {
        const position = Math.floor(Math.random() * (client.text.length + 1))
        client.text.insert(position, String.fromCharCode(97 + index))
      })
      if (round % 5 === 0) await sleep(3)
    }
    const total = clients.length * editsEach
    await waitUntil(() => converged(...clients) && clients[0]?.text.length === total, 'all four clients converged')
    expect(await storedOnceText(name)).toBe(clients[0]?.text.toString())
    expect(Object.fromEntries(frames)).toEqual({ 'instance-a': 2 * editsEach, 'instance-b': 2 * editsEach })
  })

  it('catches B up after its subscriber lost the connection: edits made meanwhile on A reach B', async () => {
    const name = nextDocument()
    const onA = await a.connect(name)
    const onB = await b.connect(name)
    onA.text.insert(0, 'before. ')
    await waitUntil(() => converged(onA, onB) && onB.text.length > 0, 'the first edit reached B')

    expect(await killRedisConnection(admin, 'instance-b-subscriber')).toBe(1)
    onA.text.insert(onA.text.length, 'while B was away. ')
    await untilStored(name, 'before. while B was away. ')
    expect(onB.text.toString()).toBe('before. ')

    await waitUntil(() => converged(onA, onB), 'B caught up after reconnecting')
    onB.text.insert(onB.text.length, 'after.')
    await waitUntil(() => onA.text.toString() === 'before. while B was away. after.', 'B relays again')
    expect(await storedOnceText(name)).toBe(onA.text.toString())
    expect(warnings(loggerB, 'Fan-out subscription to Redis failing')).toBe(1)
  })

  it('keeps A serving and storing while it cannot publish, warns once, and converges B once it can', async () => {
    const name = nextDocument()
    const onA = await a.connect(name)
    const onB = await b.connect(name)
    onA.text.insert(0, 'one. ')
    await waitUntil(() => converged(onA, onB) && onB.text.length > 0, 'the first edit reached B')

    a.publisher.disconnect()
    for (const word of ['two. ', 'three. ', 'four. ']) {
      onA.text.insert(onA.text.length, word)
      await sleep(5)
    }
    onB.text.insert(0, 'B: ')
    await waitUntil(() => onA.text.toString().startsWith('B: '), 'B still reaches A')
    await untilStored(name, 'B: one. two. three. four. ')
    expect(onB.text.toString()).toBe('B: one. ')
    expect(warnings(loggerA, 'Fan-out publishing to Redis failing')).toBe(1)

    await a.publisher.connect()
    // No further edit on A: its marker frame (the next seq, no update) makes B catch up from the store.
    await waitUntil(() => converged(onA, onB), 'B caught up once A published again')
    expect(onB.text.toString()).toBe('B: one. two. three. four. ')
    expect(await storedOnceText(name)).toBe(onB.text.toString())
  })

  it('applies nothing for a document not open on B, and B loads it from the store when it opens', async () => {
    const name = nextDocument()
    const onA = await a.connect(name)
    onA.text.insert(0, 'only on A')
    await untilStored(name, 'only on A')
    expect(b.collab.openDocumentCount).toBe(0)
    const onB = await b.connect(name)
    expect(onB.text.toString()).toBe('only on A')
    onB.text.insert(0, '> ')
    await waitUntil(() => onA.text.toString() === '> only on A', 'the edit on B reached A')
    expect(await storedOnceText(name)).toBe('> only on A')
  })

  it('catches up an idle open document as a safety net (idleCatchUpMs), even after a silently lost subscription', async () => {
    await b.stop()
    b = await FanoutInstance.start({ ...common, name: 'instance-b', logger: loggerB, idleCatchUpMs: 300 })
    const name = nextDocument()
    const onA = await a.connect(name)
    const onB = await b.connect(name)
    await b.subscriber.unsubscribe(`${keyPrefix}doc:${name}`)
    onA.text.insert(0, 'unheard')
    await untilStored(name, 'unheard')
    expect(onB.text.toString()).toBe('')
    await waitUntil(() => converged(onA, onB), 'the idle catch-up brought the edit to B', 3000)
  })
})
