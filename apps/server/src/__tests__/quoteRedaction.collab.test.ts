import { addQuote, readQuotes, readTextValue, reportQuotes, type Quote, updateQuote } from '@rapporteur/template'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { waitUntil } from '../collab/__tests__/waitUntil.js'
import { whenSynced } from '../collab/__tests__/whenSynced.js'
import type { RunningServer } from '../createServer.js'
import { createInviteFixture, createRoundtableInvite, type InviteFixture } from './inviteFixture.js'
import { storedReport } from './storedReport.js'
import { createTempDir, getJson, postJson, startServer } from './testServer.js'

const SPEAKER = 'Amina Diallo'
const AFFILIATION = 'Ministry of Labour'
const NEW_AFFILIATION = 'Ministry of Labour and Employment'

/** The stock y-websocket client, recording every binary frame the server sends it (raw bytes, before decoding). */
interface RecordingClient {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  readonly frames: Buffer[]
}

function recordingSocketClass(frames: Buffer[]): typeof globalThis.WebSocket {
  class RecordingWebSocket extends WebSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args)
      this.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
        frames.push(Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer))
      })
    }
  }
  return RecordingWebSocket as unknown as typeof globalThis.WebSocket
}

function connectRecording(server: RunningServer, roundtableId: string, token: string): RecordingClient {
  const doc = new Y.Doc()
  const frames: Buffer[] = []
  const provider = new WebsocketProvider(`${server.url.replace('http', 'ws')}/collab`, roundtableId, doc, {
    WebSocketPolyfill: recordingSocketClass(frames),
    disableBc: true,
    params: { token },
  })
  // Chair and viewer receive a permission-denied "read-only" notice; keep the stock client from printing it.
  provider.messageHandlers[2] = () => undefined
  return { doc, provider, frames }
}

function sawAnyName(client: RecordingClient): boolean {
  return client.frames.some((frame) => [SPEAKER, AFFILIATION, 'Amina', 'Labour'].some((name) => frame.includes(name)))
}

function firstQuote(client: RecordingClient): Quote | undefined {
  return readQuotes(client.doc)[0]
}

describe('Chatham House redaction on the collaboration websocket', () => {
  let temp: ReturnType<typeof createTempDir>
  let server: RunningServer
  let fixture: InviteFixture
  const clients: RecordingClient[] = []
  const connect = async (roundtableId: string, token: string): Promise<RecordingClient> => {
    const client = connectRecording(server, roundtableId, token)
    clients.push(client)
    await whenSynced(client.provider)
    return client
  }

  beforeEach(async () => {
    temp = createTempDir('rapporteur-redaction-')
    server = await startServer(temp.dir)
    fixture = await createInviteFixture(server)
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) {
      client.provider.destroy()
      client.doc.destroy()
    }
    await server.close()
    temp.remove()
  })

  it("sends chairs and viewers a quote's names only while its consent is approved; rapporteurs get everything", async () => {
    const secondRapporteurInvite = await createRoundtableInvite(server, fixture.a1, { role: 'rapporteur', label: 'Second' })
    const rapporteur = await connect(fixture.a1, fixture.rapporteurA1.token)
    const secondRapporteur = await connect(fixture.a1, secondRapporteurInvite.token)
    const chair = await connect(fixture.a1, fixture.chairA.token)
    const viewer = await connect(fixture.a1, fixture.viewerA1.token)
    const readers = [chair, viewer]

    // Set with the quote (values encoded with their map key)…
    addQuote(rapporteur.doc, { text: 'Mobility is a right', speaker: SPEAKER, affiliation: 'Ministry', consent: 'pending' })
    // …and set again later (values encoded after an origin).
    updateQuote(rapporteur.doc, 0, { affiliation: AFFILIATION })
    await waitUntil(() => firstQuote(secondRapporteur)?.affiliation === AFFILIATION, 'the second rapporteur sees the quote')
    await waitUntil(() => readers.every((reader) => firstQuote(reader)?.text === 'Mobility is a right'), 'readers see the quote')
    const lateViewer = await connect(fixture.a1, fixture.viewerA1.token)
    const lateChair = await connect(fixture.a1, fixture.chairA.token)
    const allReaders = [...readers, lateViewer, lateChair]

    const anonymous = { text: 'Mobility is a right', speaker: '', affiliation: '', description: '', consent: 'pending' }
    for (const reader of allReaders) {
      expect(sawAnyName(reader)).toBe(false)
      expect(firstQuote(reader)).toEqual(anonymous)
      // Withheld: the name's characters arrive as spaces (same ids and lengths), never as the name.
      expect(readTextValue(reportQuotes(reader.doc).get(0)?.get('speaker')).trim()).toBe('')
      // Same ids as everyone: the reader's state vector is the rapporteur's.
      expect(Y.encodeStateVector(reader.doc)).toEqual(Y.encodeStateVector(rapporteur.doc))
    }
    expect(firstQuote(secondRapporteur)).toMatchObject({ speaker: SPEAKER, affiliation: AFFILIATION })
    expect(secondRapporteur.frames.some((frame) => frame.includes(SPEAKER))).toBe(true)
    expect(firstQuote(rapporteur)).toMatchObject({ speaker: SPEAKER, affiliation: AFFILIATION })

    // A version read by a chair withholds the names too; a rapporteur reads them.
    const version = await postJson(`${server.url}/api/roundtables/${fixture.a1}/versions`, { name: 'Pending quote' }, fixture.rapporteurA1.token)
    expect(version.status).toBe(201)
    const versionUrl = `${server.url}/api/roundtables/${fixture.a1}/versions/${(version.body as { id: string }).id}`
    const asChair = await getJson(versionUrl, fixture.chairA.token)
    expect(asChair.status).toBe(200)
    expect(JSON.stringify(asChair.body)).not.toContain('Amina')
    expect((asChair.body as { content: { quotes: Quote[] } }).content.quotes[0]).toMatchObject({ speaker: '', affiliation: '' })
    const asRapporteur = await getJson(versionUrl, fixture.rapporteurA1.token)
    expect((asRapporteur.body as { content: { quotes: Quote[] } }).content.quotes[0]).toMatchObject({ speaker: SPEAKER })

    // Consent approved: the server sets the names again, and readers now receive them.
    updateQuote(rapporteur.doc, 0, { consent: 'approved' })
    await waitUntil(
      () => allReaders.every((reader) => firstQuote(reader)?.speaker === SPEAKER && firstQuote(reader)?.affiliation === AFFILIATION),
      'readers see the names once consent is approved',
    )

    // Names changed while approved reach readers directly.
    updateQuote(rapporteur.doc, 0, { affiliation: NEW_AFFILIATION })
    await waitUntil(() => allReaders.every((reader) => firstQuote(reader)?.affiliation === NEW_AFFILIATION), 'readers see the new affiliation')

    // Back to pending: the names are set again, withheld, so readers no longer show them.
    const framesBefore = chair.frames.length
    updateQuote(rapporteur.doc, 0, { consent: 'pending' })
    await waitUntil(
      () => allReaders.every((reader) => firstQuote(reader)?.speaker === '' && firstQuote(reader)?.affiliation === ''),
      'readers no longer show the names',
    )
    for (const reader of allReaders) expect(firstQuote(reader)?.consent).toBe('pending')
    expect(chair.frames.slice(framesBefore).some((frame) => frame.includes('Amina'))).toBe(false)
    expect(firstQuote(secondRapporteur)).toMatchObject({ speaker: SPEAKER, affiliation: NEW_AFFILIATION, consent: 'pending' })
    expect(firstQuote(rapporteur)).toMatchObject({ speaker: SPEAKER, affiliation: NEW_AFFILIATION, consent: 'pending' })

    // A reader connecting now never receives the names, although earlier items once carried them.
    const lastViewer = await connect(fixture.a1, fixture.viewerA1.token)
    expect(sawAnyName(lastViewer)).toBe(false)
    expect(firstQuote(lastViewer)).toMatchObject({ speaker: '', affiliation: '', consent: 'pending' })

    // The stored document keeps the names.
    await server.close()
    expect(readQuotes(storedReport(temp.dir, fixture.a1))[0]).toMatchObject({ speaker: SPEAKER, affiliation: NEW_AFFILIATION })
  })
})
