import { CloseCode } from '@rapporteur/collab'
import {
  addQuoteEntry,
  findQuote,
  metaFieldText,
  quoteFieldText,
  readMetaField,
  readQuoteEntries,
  removeQuoteById,
  reportMeta,
  roundtableReportTemplate,
  updateQuoteById,
} from '@rapporteur/template'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { waitUntil } from '../collab/__tests__/waitUntil.js'
import type { RunningServer } from '../createServer.js'
import { connectReport, type ReportClient } from './connectReport.js'
import { createInviteFixture, type InviteFixture } from './inviteFixture.js'
import { storedReport } from './storedReport.js'
import { RecordingLogger, TEST_ADMIN_TOKEN, createTempDir, startServer } from './testServer.js'

const sameState = (a: Y.Doc, b: Y.Doc): boolean =>
  Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)))

describe('layout v2 over the live server: every word kept (stock y-websocket clients)', () => {
  let temp: ReturnType<typeof createTempDir>
  let server: RunningServer
  let fixture: InviteFixture
  const clients: ReportClient[] = []
  const connect = async (token = fixture.rapporteurA1.token): Promise<ReportClient> => {
    const client = connectReport(server.url, fixture.a1, token)
    clients.push(client)
    await client.synced()
    return client
  }

  beforeEach(async () => {
    temp = createTempDir('rapporteur-layout-v2-')
    server = await startServer(temp.dir, new RecordingLogger())
    fixture = await createInviteFixture(server)
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
    temp.remove()
  })

  it('creates a report with every header field of the template as a Y.Text', async () => {
    const client = await connect()
    for (const field of roundtableReportTemplate.meta) {
      expect(reportMeta(client.doc).get(field.id), field.id).toBeInstanceOf(Y.Text)
    }
    expect(readMetaField(client.doc, 'title')).toBe('A one')
  })

  it('keeps both of two insertions made at the same time into one header field', async () => {
    const [a, b] = await Promise.all([connect(), connect()])
    // Both edit before either hears of the other's edit: the two insertions are concurrent.
    metaFieldText(a.doc, 'session').insert(0, 'Thursday')
    metaFieldText(b.doc, 'session').insert(0, '10:00')
    await waitUntil(() => sameState(a.doc, b.doc) && readMetaField(a.doc, 'session').length === 13, 'the clients converge')
    const session = readMetaField(a.doc, 'session')
    expect(session).toBe(readMetaField(b.doc, 'session'))
    expect([session.replace('10:00', ''), session.replace('Thursday', '')]).toEqual(['Thursday', '10:00'])

    await server.close()
    expect(readMetaField(storedReport(temp.dir, fixture.a1), 'session')).toBe(session)
    server = await startServer(temp.dir, new RecordingLogger())
  })

  it('keeps both of two edits made at the same time to one quote’s text', async () => {
    const [a, b] = await Promise.all([connect(), connect()])
    const id = addQuoteEntry(a.doc, { text: 'Mobility is a right', consent: 'pending' })
    await waitUntil(() => findQuote(b.doc, id) !== null, 'b sees the quote')
    quoteFieldText(findQuote(a.doc, id) as Y.Map<unknown>, 'text').insert(0, '“')
    quoteFieldText(findQuote(b.doc, id) as Y.Map<unknown>, 'text').insert('Mobility is a right'.length, ', not a favour”')
    await waitUntil(() => sameState(a.doc, b.doc) && readQuoteEntries(a.doc)[0]?.text.length === 35, 'the clients converge')
    expect(readQuoteEntries(a.doc)[0]?.text).toBe('“Mobility is a right, not a favour”')
    expect(readQuoteEntries(b.doc)[0]?.text).toBe('“Mobility is a right, not a favour”')
  })

  it('one deletes quote A while the other edits quote B and gives consent: B has both, nothing else changes', async () => {
    const [a, b] = await Promise.all([connect(), connect()])
    const quoteA = addQuoteEntry(a.doc, { text: 'Borders kill', speaker: 'Speaker A', consent: 'pending' })
    const quoteB = addQuoteEntry(a.doc, { text: 'Papers first', speaker: 'Speaker B', consent: 'pending' })
    const quoteC = addQuoteEntry(a.doc, { text: 'Third words', speaker: 'Speaker C', consent: 'anonymous' })
    await waitUntil(() => readQuoteEntries(b.doc).length === 3, 'b sees the quotes')

    // Concurrent: a removes A; b, still seeing A first, edits B and approves it (by id, not by index).
    expect(removeQuoteById(a.doc, quoteA)).toBe(true)
    expect(updateQuoteById(b.doc, quoteB, { text: 'Papers first, then rights', consent: 'approved' })).toBe(true)
    await waitUntil(() => sameState(a.doc, b.doc) && readQuoteEntries(b.doc).length === 2, 'the clients converge')

    const expected = [
      { id: quoteB, text: 'Papers first, then rights', speaker: 'Speaker B', affiliation: '', description: '', consent: 'approved' },
      { id: quoteC, text: 'Third words', speaker: 'Speaker C', affiliation: '', description: '', consent: 'anonymous' },
    ]
    expect(readQuoteEntries(a.doc)).toEqual(expected)
    expect(readQuoteEntries(b.doc)).toEqual(expected)
    // A change to the removed quote applies to none.
    expect(updateQuoteById(b.doc, quoteA, { consent: 'approved' })).toBe(false)
    const organizer = await connect(TEST_ADMIN_TOKEN)
    expect(readQuoteEntries(organizer.doc)).toEqual(expected)
  })

  it('refuses a layout v1 write with 4426: not applied, relayed or stored', async () => {
    const [oldPage, watcher] = await Promise.all([connect(), connect()])
    reportMeta(oldPage.doc).set('title', 'Overwritten by an old page')
    expect(await oldPage.closed).toEqual({ code: CloseCode.ClientOutdated, reason: 'This page is out of date: reload it' })
    metaFieldText(watcher.doc, 'session').insert(0, 'After the refusal')
    const latecomer = await connect()
    await waitUntil(() => readMetaField(latecomer.doc, 'session') === 'After the refusal', 'the latecomer sees the later edit')
    expect(readMetaField(latecomer.doc, 'title')).toBe('A one')
    expect(reportMeta(latecomer.doc).get('title')).toBeInstanceOf(Y.Text)
    await server.close()
    expect(readMetaField(storedReport(temp.dir, fixture.a1), 'title')).toBe('A one')
    server = await startServer(temp.dir, new RecordingLogger())
  })
})
