import { CloseCode, encodeUpdateMessage } from '@rapporteur/collab'
import { readMetaField, reportMeta, setMetaField } from '@rapporteur/template'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { waitUntil } from '../collab/__tests__/waitUntil.js'
import type { RunningServer } from '../createServer.js'
import { connectReport, type ReportClient } from './connectReport.js'
import { createEvent, createRoundtable } from './inviteFixture.js'
import { openCollabSocket, type CollabSocketResult } from './openCollabSocket.js'
import { storedReport } from './storedReport.js'
import { RecordingLogger, TEST_ADMIN_TOKEN, createTempDir, startServer } from './testServer.js'
import { filledMeta } from './filledMeta.js'

const MAX_MESSAGE_BYTES = 2048
const MAX_DOCUMENT_BYTES = 8192

/** Writes to a document of its own and hands out each change as one update. */
class UpdateSource {
  private readonly doc = new Y.Doc()

  /** An update setting `meta.<key>` to `value`. */
  set(key: string, value: string): Uint8Array {
    const before = Y.encodeStateVector(this.doc)
    this.doc.getMap('meta').set(key, value)
    return Y.encodeStateAsUpdate(this.doc, before)
  }
}

/** The report's `meta` as a comparable string, whatever order its keys were set in. */
function metaKey(doc: Y.Doc): string {
  return JSON.stringify(Object.entries(reportMeta(doc).toJSON()).sort(([a], [b]) => a.localeCompare(b)))
}

describe('limits on the collaboration websocket', () => {
  const temp = createTempDir('rapporteur-limits-')
  const logger = new RecordingLogger()
  let server: RunningServer
  let eventId: string
  const clients: ReportClient[] = []

  beforeAll(async () => {
    server = await startServer(temp.dir, logger, {
      env: {
        MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES),
        MAX_DOCUMENT_BYTES: String(MAX_DOCUMENT_BYTES),
        MAX_MESSAGES_PER_SECOND: '5',
        MAX_CONNECTIONS_PER_DOCUMENT: '2',
      },
    })
    eventId = await createEvent(server, 'Limits')
  })

  afterAll(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
    temp.remove()
  })

  /** A new roundtable with an organizer's raw socket (greeted) and a stock client watching it. */
  const setUp = async (title: string): Promise<{ roundtableId: string; raw: CollabSocketResult; watcher: ReportClient }> => {
    const roundtableId = await createRoundtable(server, eventId, title)
    const watcher = connectReport(server.url, roundtableId, TEST_ADMIN_TOKEN)
    clients.push(watcher)
    await watcher.synced()
    const raw = await openCollabSocket(`${server.url.replace('http', 'ws')}/collab/${roundtableId}?token=${TEST_ADMIN_TOKEN}`)
    await waitUntil(() => raw.received.length > 0, 'the raw socket was greeted')
    return { roundtableId, raw, watcher }
  }

  const limitLog = (documentName: string) =>
    logger.entries.filter((entry) => entry.level === 'warn' && entry.fields?.documentName === documentName)

  it('closes a connection sending a message over MAX_MESSAGE_BYTES with 4413; the document is unchanged', async () => {
    const { roundtableId, raw, watcher } = await setUp('Too large message')
    const source = new UpdateSource()
    raw.socket.send(encodeUpdateMessage(source.set('notes', 'x'.repeat(MAX_MESSAGE_BYTES))))
    expect((await raw.closed).code).toBe(CloseCode.MessageTooLarge)
    expect(limitLog(roundtableId).length).toBeGreaterThan(0)

    // A frame far past the limit is cut by the websocket layer before being read whole.
    const huge = await openCollabSocket(`${server.url.replace('http', 'ws')}/collab/${roundtableId}?token=${TEST_ADMIN_TOKEN}`)
    huge.socket.send(encodeUpdateMessage(source.set('notes', 'y'.repeat(200_000))))
    expect((await huge.closed).code).toBe(1009)

    setMetaField(watcher.doc, 'session', 'still editing')
    const latecomer = connectReport(server.url, roundtableId, TEST_ADMIN_TOKEN)
    clients.push(latecomer)
    await latecomer.synced()
    await waitUntil(() => readMetaField(latecomer.doc, 'session') === 'still editing', 'the watcher\'s edit arrives')
    expect(filledMeta(latecomer.doc)).toEqual({ title: 'Too large message', session: 'still editing' })
    await waitUntil(() => readMetaField(storedReport(temp.dir, roundtableId), 'session') === 'still editing', 'the edit is stored')
    expect(filledMeta(storedReport(temp.dir, roundtableId))).toEqual(filledMeta(latecomer.doc))
  })

  it('closes a connection whose update would pass MAX_DOCUMENT_BYTES with 4414, without applying it', async () => {
    const { roundtableId, raw, watcher } = await setUp('Too large document')
    const source = new UpdateSource()
    const sent = ['notes0', 'notes1', 'notes2', 'notes3', 'notes4', 'notes5', 'notes6']
    for (const [index, key] of sent.entries()) raw.socket.send(encodeUpdateMessage(source.set(key, String(index).repeat(1500))))
    expect((await raw.closed).code).toBe(CloseCode.DocumentTooLarge)
    expect(limitLog(roundtableId).length).toBeGreaterThan(0)

    const latecomer = connectReport(server.url, roundtableId, TEST_ADMIN_TOKEN)
    clients.push(latecomer)
    await latecomer.synced()
    const notesKeys = (doc: Y.Doc): string[] => Object.keys(reportMeta(doc).toJSON()).filter((key) => key.startsWith('notes'))
    await waitUntil(() => notesKeys(latecomer.doc).length > 0, 'the accepted updates reached the latecomer')
    await waitUntil(() => metaKey(latecomer.doc) === metaKey(watcher.doc), 'the latecomer caught up with the watcher')
    const accepted = notesKeys(latecomer.doc)
    expect(accepted.length).toBeGreaterThan(0)
    expect(accepted.length).toBeLessThan(sent.length)
    expect(accepted.sort()).toEqual(sent.slice(0, accepted.length))
    expect(filledMeta(watcher.doc)).toEqual(filledMeta(latecomer.doc))

    await waitUntil(
      () => metaKey(storedReport(temp.dir, roundtableId)) === metaKey(latecomer.doc),
      'the accepted updates are stored',
    )
    expect(Y.encodeStateAsUpdate(storedReport(temp.dir, roundtableId)).byteLength).toBeLessThanOrEqual(MAX_DOCUMENT_BYTES)
  })

  it('closes a connection sending more than MAX_MESSAGES_PER_SECOND with 4429; what it sent after is not applied', async () => {
    const { roundtableId, raw, watcher } = await setUp('Chatty client')
    const source = new UpdateSource()
    for (let index = 0; index < 30; index++) raw.socket.send(encodeUpdateMessage(source.set(`burst${index}`, 'z')))
    expect((await raw.closed).code).toBe(CloseCode.RateLimited)
    const latecomer = connectReport(server.url, roundtableId, TEST_ADMIN_TOKEN)
    clients.push(latecomer)
    await latecomer.synced()
    // A stored report is built when the burst arrives; the latecomer may take the stored record as "synced" while
    // the accepted part of the burst is applied, and receive it just after.
    const burstKeys = (doc: Y.Doc): string[] => Object.keys(reportMeta(doc).toJSON()).filter((key) => key.startsWith('burst'))
    await waitUntil(() => burstKeys(latecomer.doc).length > 0, 'the accepted updates reached the latecomer')
    await waitUntil(() => metaKey(latecomer.doc) === metaKey(watcher.doc), 'the latecomer caught up with the watcher')
    const applied = burstKeys(latecomer.doc)
    expect(applied.length).toBeGreaterThan(0)
    expect(applied.length).toBeLessThan(30)
    expect(applied.sort()).toEqual(
      Array.from({ length: applied.length }, (_unused, index) => `burst${index}`).sort(),
    )
    expect(filledMeta(watcher.doc)).toEqual(filledMeta(latecomer.doc))
  })

  it('refuses a connection past MAX_CONNECTIONS_PER_DOCUMENT with 4508, before any document byte', async () => {
    const { raw } = await setUp('Crowded room')
    const url = raw.socket.url
    const third = await openCollabSocket(url)
    expect((await third.closed).code).toBe(CloseCode.TooManyConnections)
    expect(third.received).toEqual([])
    expect(raw.socket.readyState).toBe(raw.socket.OPEN)

    raw.socket.close()
    await raw.closed
    const again = await openCollabSocket(url)
    await waitUntil(() => again.received.length > 0, 'a connection is accepted once there is room')
    again.socket.close()
  })
})
