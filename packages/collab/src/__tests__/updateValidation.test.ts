import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CollabServer } from '../CollabServer.js'
import { encodeUpdateMessage } from '../messages.js'
import { MemoryDocumentStore } from '../MemoryDocumentStore.js'
import { CloseCode } from '../protocol.js'
import { craftUpdate } from './craftUpdate.js'
import { delivered } from './delivered.js'
import { InProcessClient } from './InProcessClient.js'
import { loadStoredDoc } from './loadStoredDoc.js'
import { RawClient } from './RawClient.js'
import { RecordingLogger } from './RecordingLogger.js'
import { waitUntil } from './waitUntil.js'

const servers: CollabServer[] = []
const loggers: RecordingLogger[] = []
afterEach(async () => {
  await Promise.allSettled(servers.splice(0).map((server) => server.destroy()))
  for (const logger of loggers.splice(0)) expect(logger.at('error')).toEqual([])
})

/** A server whose document holds 'one' in text `a` and 'two' in text `b`, both written by `writer`. */
interface TwoTexts {
  server: CollabServer
  store: MemoryDocumentStore
  writer: InProcessClient
  /** Refusals must come from validation (a warning), never from Yjs failing (an error). */
  logger: RecordingLogger
}

async function startWithTwoTexts(): Promise<TwoTexts> {
  const store = new MemoryDocumentStore()
  const logger = new RecordingLogger()
  const server = new CollabServer({ store, logger, flushDelayMs: 1 })
  servers.push(server)
  loggers.push(logger)
  const writer = new InProcessClient(server, 'doc')
  await waitUntil(() => writer.synced, 'synced')
  writer.doc.getText('a').insert(0, 'one')
  writer.doc.getText('b').insert(0, 'two')
  await delivered()
  await server.flush()
  return { server, store, writer, logger }
}

async function storedTexts(store: MemoryDocumentStore): Promise<string[]> {
  const stored = await loadStoredDoc(store, 'doc')
  return [stored.getText('a').toString(), stored.getText('b').toString()]
}

describe('update validation', () => {
  it('refuses an empty item, which breaks the next honest deletion around it', async () => {
    const { server, store, writer } = await startWithTwoTexts()
    const clientId = writer.doc.clientID
    // Between 'o' and 'n' of 'one'.
    const empty = craftUpdate([
      { client: 4242, clock: 0, origin: [clientId, 0], rightOrigin: [clientId, 1], text: '' },
    ])
    // What it would do: Yjs takes the empty item, and a client holding it can no longer delete around it.
    const plain = new Y.Doc()
    Y.applyUpdate(plain, Y.encodeStateAsUpdate(writer.doc))
    Y.applyUpdate(plain, empty)
    expect(() => plain.getText('a').delete(0, 3)).toThrow()

    const bad = new RawClient(server, 'doc')
    bad.receive(encodeUpdateMessage(empty))
    expect(bad.closeCode).toBe(CloseCode.MessageInvalid)
    const newcomer = new InProcessClient(server, 'doc')
    await waitUntil(() => newcomer.synced, 'a newcomer synced')
    newcomer.doc.getText('a').delete(0, 3)
    await waitUntil(() => writer.doc.getText('a').toString() === '', 'the deletion arrived')
    await server.flush()
    expect(newcomer.closeCode).toBeNull()
    expect(await storedTexts(store)).toEqual(['', 'two'])
  })

  it('refuses a struct continuing its client’s last one from another place (Yjs would link it there)', async () => {
    const { server, store, writer } = await startWithTwoTexts()
    const clientId = writer.doc.clientID
    const first = new RawClient(server, 'doc')
    first.receive(encodeUpdateMessage(craftUpdate([{ client: 4242, clock: 0, origin: [clientId, 2], text: 'ab' }])))
    await server.flush()
    expect(await storedTexts(store)).toEqual(['oneab', 'two'])
    // While `first` is open, client 4242 is bound to it (see ClientIdBindings): it leaves, so others may continue it.
    first.connection.closed()
    // 4242:0..3 'abcd' placed after 'w' of 'two': the server holds 4242:0..1, so Yjs would put 'cd' after
    // 4242:1 (in text a) while taking its parent from the origin (text b).
    const forged = craftUpdate([{ client: 4242, clock: 0, origin: [clientId, 4], text: 'abcd' }])
    const second = new RawClient(server, 'doc')
    second.receive(encodeUpdateMessage(forged))
    expect(second.closeCode).toBe(CloseCode.MessageInvalid)
    // The same continuation from where the struct really ends is fine.
    const third = new RawClient(server, 'doc')
    third.receive(encodeUpdateMessage(craftUpdate([{ client: 4242, clock: 0, origin: [clientId, 2], text: 'abcd' }])))
    await server.flush()
    expect(third.closeCode).toBeNull()
    expect(await storedTexts(store)).toEqual(['oneabcd', 'two'])
  })
})

describe('items whose neighbours sit in different places', () => {
  it('are refused (4400) before anything is applied', async () => {
    const { server, store, writer } = await startWithTwoTexts()
    const clientId = writer.doc.clientID
    const bad = new RawClient(server, 'doc')
    await waitUntil(() => bad.received.length > 0, 'greeted')
    // Left neighbour: 'o' of 'one' (text a); right neighbour: 'w' of 'two' (text b).
    const straddling = craftUpdate([
      { client: 4242, clock: 0, origin: [clientId, 0], rightOrigin: [clientId, 4], text: 'X' },
    ])
    // On its own, Yjs takes such an item without complaint.
    const plain = new Y.Doc()
    Y.applyUpdate(plain, Y.encodeStateAsUpdate(writer.doc))
    expect(() => Y.applyUpdate(plain, straddling)).not.toThrow()

    bad.receive(encodeUpdateMessage(straddling))
    expect(bad.closeCode).toBe(CloseCode.MessageInvalid)
    await server.flush()
    expect(await storedTexts(store)).toEqual(['one', 'two'])
    expect(writer.closeCode).toBeNull()

    // Neighbours in the same text are fine, whoever wrote them.
    const good = new RawClient(server, 'doc')
    const inside = craftUpdate([
      { client: 4243, clock: 0, origin: [clientId, 0], rightOrigin: [clientId, 1], text: 'X' },
    ])
    good.receive(encodeUpdateMessage(inside))
    await server.flush()
    expect(good.closeCode).toBeNull()
    expect(await storedTexts(store)).toEqual(['oXne', 'two'])
  })

  it('are refused also when they waited for a struct and the same connection sends it later', async () => {
    const { server, store, writer } = await startWithTwoTexts()
    const clientId = writer.doc.clientID
    const bad = new RawClient(server, 'doc')
    await waitUntil(() => bad.received.length > 0, 'greeted')
    // 4242:1 sits after 4242:0 (not sent yet) and before 'w' of 'two': it waits.
    const waiting = craftUpdate([{ client: 4242, clock: 1, origin: [4242, 0], rightOrigin: [clientId, 4], text: 'X' }])
    bad.receive(encodeUpdateMessage(waiting))
    expect(bad.closeCode).toBeNull()
    // 4242:0 goes into text a: the waiting item would now straddle a and b.
    bad.receive(encodeUpdateMessage(craftUpdate([{ client: 4242, clock: 0, root: 'a', text: 'p' }])))
    expect(bad.closeCode).toBe(CloseCode.MessageInvalid)
    await server.flush()
    expect(await storedTexts(store)).toEqual(['one', 'two'])
  })
})
