import { addQuote, markReportReady, sectionFragment, type RoundtableStatus } from '@rapporteur/template'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectReport, type ReportClient } from '../../__tests__/connectReport.js'
import {
  createChairInvite,
  createInviteFixture,
  createRoundtable,
  createRoundtableInvite,
  type InviteFixture,
} from '../../__tests__/inviteFixture.js'
import { RecordingLogger, TEST_ADMIN_TOKEN, createTempDir, getJson, requestJson, startServer } from '../../__tests__/testServer.js'
import type { RunningServer } from '../../createServer.js'
import { waitUntil } from '../../collab/__tests__/waitUntil.js'
import { openFeed, type FeedClient } from './openFeed.js'

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  element.insert(0, [new Y.XmlText(text)])
  return element
}

function bulletList(items: string[]): Y.XmlElement {
  const list = new Y.XmlElement('bulletList')
  list.insert(
    0,
    items.map((item) => {
      const listItem = new Y.XmlElement('listItem')
      listItem.insert(0, [paragraph(item)])
      return listItem
    }),
  )
  return list
}

function words(count: number, word = 'mobility'): string {
  return Array.from({ length: count }, () => word).join(' ')
}

function section(status: RoundtableStatus, sectionId: string) {
  const found = status.progress.sections.find((entry) => entry.sectionId === sectionId)
  if (found === undefined) throw new Error(`No section ${sectionId} in the status of ${status.id}`)
  return found
}

describe('the event feed', () => {
  let temp: ReturnType<typeof createTempDir>
  let server: RunningServer
  let fixture: InviteFixture
  let logger: RecordingLogger
  const clients: ReportClient[] = []
  const feeds: FeedClient[] = []
  const connect = async (roundtableId: string, token: string): Promise<ReportClient> => {
    const client = connectReport(server.url, roundtableId, token)
    clients.push(client)
    await client.synced()
    return client
  }
  const feed = async (eventId: string, token: string, options: { viaQuery?: boolean } = {}): Promise<FeedClient> => {
    const client = await openFeed(server.url, eventId, token, options)
    feeds.push(client)
    await client.snapshot
    return client
  }

  beforeEach(async () => {
    temp = createTempDir('rapporteur-feed-')
    logger = new RecordingLogger()
    server = await startServer(temp.dir, logger)
    fixture = await createInviteFixture(server)
  })

  afterEach(async () => {
    for (const client of feeds.splice(0)) client.close()
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
    temp.remove()
  })

  it('shows a new roundtable, then the right counts and states as three roundtables are edited', async () => {
    const chair = await feed(fixture.eventA, fixture.chairA.token)
    const snapshot = await chair.snapshot
    expect(snapshot.event).toEqual({ id: fixture.eventA, title: 'Event A', closingAt: '2099-06-30T17:00:00.000Z' })
    expect(snapshot.roundtables.map((status) => status.title)).toEqual(['A one', 'A two'])
    for (const status of snapshot.roundtables) {
      expect(status.progress.words).toBe(0)
      expect(status.present).toEqual([])
      expect(status.ready).toBeNull()
    }

    const a3 = await createRoundtable(server, fixture.eventA, 'A three')
    const created = await chair.waitFor(a3, () => true, 'the new roundtable appears in the feed')
    expect(created).toMatchObject({ id: a3, title: 'A three', templateId: 'roundtable-report', lastEditAt: null })

    const rapporteurA2 = await createRoundtableInvite(server, fixture.a2, { role: 'rapporteur' })
    const rapporteurA3 = await createRoundtableInvite(server, a3, { role: 'rapporteur' })
    const one = await connect(fixture.a1, fixture.rapporteurA1.token)
    const two = await connect(fixture.a2, rapporteurA2.token)
    const three = await connect(a3, rapporteurA3.token)

    sectionFragment(one.doc, 'summary').insert(0, [paragraph(words(85))])
    sectionFragment(two.doc, 'challenges').insert(0, [paragraph(words(12, 'visas'))])
    sectionFragment(three.doc, 'opportunities').insert(0, [bulletList(['Shared data', 'Joint training', words(45, 'long')])])

    const first = await chair.waitFor(fixture.a1, (status) => status.progress.words === 85, 'a1 counts 85 words')
    expect(section(first, 'summary')).toMatchObject({ state: 'substantial', words: 85, bullets: 0 })
    expect(section(first, 'challenges').state).toBe('empty')
    expect(first.lastEditAt).not.toBeNull()

    const second = await chair.waitFor(fixture.a2, (status) => status.progress.words === 12, 'a2 counts 12 words')
    expect(section(second, 'challenges')).toMatchObject({ state: 'started', words: 12 })
    expect(section(second, 'summary').state).toBe('empty')

    const third = await chair.waitFor(a3, (status) => section(status, 'opportunities').bullets === 3, 'a3 counts 3 bullets')
    expect(section(third, 'opportunities')).toMatchObject({ words: 49, bullets: 3, longBullets: 1 })
    // The title the server seeded stays out of the counted sections.
    expect(third.progress.words).toBe(49)
  })

  it("shows a rapporteur joining with their section, and clears them when they leave", async () => {
    const chair = await feed(fixture.eventA, fixture.chairA.token)
    const rapporteur = await connect(fixture.a1, fixture.rapporteurA1.token)
    rapporteur.provider.awareness.setLocalState({
      user: { name: 'Amina', color: '#d33' },
      role: 'rapporteur',
      section: 'challenges',
    })
    const joined = await chair.waitFor(fixture.a1, (status) => status.present.length === 1, 'Amina is present')
    expect(joined.present).toEqual([
      { clientId: rapporteur.doc.clientID, name: 'Amina', color: '#d33', role: 'rapporteur', section: 'challenges' },
    ])
    expect(joined.lastPresentAt).not.toBeNull()

    rapporteur.provider.awareness.setLocalStateField('section', 'summary')
    await chair.waitFor(fixture.a1, (status) => status.present[0]?.section === 'summary', 'Amina moved to the summary')

    rapporteur.destroy()
    const left = await chair.waitFor(fixture.a1, (status) => status.present.length === 0, 'Amina has left')
    expect(left.lastPresentAt).not.toBeNull()
    expect(Date.parse(left.lastPresentAt as string)).toBeGreaterThanOrEqual(Date.parse(joined.lastPresentAt as string))
  })

  it('shows a report marked ready through a rapporteur’s document', async () => {
    const chair = await feed(fixture.eventA, fixture.chairA.token)
    const rapporteur = await connect(fixture.a1, fixture.rapporteurA1.token)
    markReportReady(rapporteur.doc, 'Amina', new Date('2099-06-30T16:00:00.000Z'))
    const ready = await chair.waitFor(fixture.a1, (status) => status.ready !== null, 'a1 is ready')
    expect(ready.ready).toEqual({ at: '2099-06-30T16:00:00.000Z', by: 'Amina' })
  })

  it('never carries quote text, speakers or affiliations: counts only', async () => {
    const chair = await feed(fixture.eventA, fixture.chairA.token)
    const rapporteur = await connect(fixture.a1, fixture.rapporteurA1.token)
    addQuote(rapporteur.doc, {
      text: 'Borders close faster than minds open',
      speaker: 'Zebediah Quarrington',
      affiliation: 'Ministry of Elsewhere',
      description: 'a senior official',
      consent: 'approved',
    })
    addQuote(rapporteur.doc, {
      text: 'Nobody asked the workers',
      speaker: 'Philippa Vantongeren',
      affiliation: 'Union of Somewhere',
      description: 'a union leader',
      consent: 'pending',
    })
    const status = await chair.waitFor(fixture.a1, (entry) => entry.progress.quotes.total === 2, 'two quotes counted')
    expect(status.progress.quotes).toEqual({ total: 2, pending: 1, approved: 1, anonymous: 0 })
    const everything = chair.messages.map((message) => message.data).join('\n')
    for (const secret of ['Zebediah', 'Quarrington', 'Philippa', 'Ministry of Elsewhere', 'Union of Somewhere', 'Borders close', 'senior official']) {
      expect(everything).not.toContain(secret)
    }
  })

  it('relays a keystroke to another client before the feed reflects it', async () => {
    const chair = await feed(fixture.eventA, fixture.chairA.token)
    const writer = await connect(fixture.a1, fixture.rapporteurA1.token)
    const reader = await connect(fixture.a1, fixture.viewerA1.token)
    let relayedAt: number | null = null
    reader.doc.on('update', () => {
      if (relayedAt === null && sectionFragment(reader.doc, 'summary').toString().includes('Keystroke')) relayedAt = performance.now()
    })
    const typedAt = performance.now()
    sectionFragment(writer.doc, 'summary').insert(0, [paragraph('Keystroke')])
    const reflected = await chair.waitFor(fixture.a1, (status) => status.progress.characters === 'Keystroke'.length, 'the feed counts the keystroke')
    const feedAt = chair.messages.findLast((message) => message.data.includes(`"id":"${reflected.id}"`))?.at ?? Infinity
    expect(relayedAt).not.toBeNull()
    expect(relayedAt as unknown as number).toBeGreaterThan(typedAt)
    expect(relayedAt as unknown as number).toBeLessThan(feedAt)
  })

  it('shows the exact progress of a large report (about 1 MB), computed in slices', async () => {
    const chair = await feed(fixture.eventA, fixture.chairA.token)
    const rapporteur = await connect(fixture.a1, fixture.rapporteurA1.token)
    const text = words(50)
    sectionFragment(rapporteur.doc, 'summary').insert(0, Array.from({ length: 2000 }, () => paragraph(text)))
    const status = await chair.waitFor(fixture.a1, (entry) => entry.progress.words === 2000 * 50, 'the feed counts 100 000 words', 30_000)
    expect(section(status, 'summary')).toMatchObject({ state: 'substantial', characters: 2000 * text.length })
    expect(status.progress.characters).toBeGreaterThan(800_000)
  })

  it('still shows the last progress of a report nobody has open, after a restart', async () => {
    const rapporteur = await connect(fixture.a1, fixture.rapporteurA1.token)
    sectionFragment(rapporteur.doc, 'gcm-relevance').insert(0, [paragraph(words(7, 'objective'))])
    const chair = await feed(fixture.eventA, fixture.chairA.token)
    await chair.waitFor(fixture.a1, (status) => status.progress.words === 7, 'the feed counts 7 words')
    clients.splice(0).forEach((client) => client.destroy())
    chair.close()
    await server.close()

    server = await startServer(temp.dir)
    const after = await feed(fixture.eventA, fixture.chairA.token)
    const status = (await after.snapshot).roundtables.find((entry) => entry.id === fixture.a1)
    expect(status?.progress.words).toBe(7)
    expect(section(status as RoundtableStatus, 'gcm-relevance')).toMatchObject({ state: 'started', words: 7 })
    expect(status?.present).toEqual([])
    expect(status?.lastEditAt).not.toBeNull()
    expect(status?.lastPresentAt).not.toBeNull()
    // Read from what was stored: no document was opened for it.
    const metrics = await getJson(`${server.url}/api/metrics`)
    expect(metrics.body).toMatchObject({ openDocuments: 0, connections: 0 })
  })

  it('computes a report never seen (the demo) from the store, without opening it', async () => {
    const events = (await getJson(`${server.url}/api/events`)).body as { events: Array<{ id: string; title: string }> }
    const demo = events.events.find((event) => event.title === 'Demo conference')
    expect(demo).toBeDefined()
    const organizer = await feed(demo?.id as string, TEST_ADMIN_TOKEN)
    const [status] = (await organizer.snapshot).roundtables
    expect(status?.title).toBe('South-South mobility and migration')
    expect(status?.progress.words).toBeGreaterThan(100)
    expect(status?.progress.quotes.total).toBeGreaterThan(0)
    const metrics = (await getJson(`${server.url}/api/metrics`)).body as Record<string, number>
    expect(metrics.openDocuments).toBe(0)
    expect(metrics.progressComputations).toBeGreaterThan(0)
  })

  it('lets the organizer and the event’s chair in (header or ?token=), refuses everyone else', async () => {
    const chairB = await createChairInvite(server, fixture.eventB)
    const feedUrl = `${server.url}/api/events/${fixture.eventA}/feed`
    expect((await getJson(feedUrl, null)).status).toBe(401)
    expect((await getJson(`${feedUrl}?token=rpi_not-a-token`, null)).status).toBe(401)
    const forbidden = await getJson(feedUrl, chairB.token)
    expect(forbidden).toEqual({ status: 403, body: { error: { code: 'forbidden', message: expect.any(String) } } })
    expect((await getJson(feedUrl, fixture.rapporteurA1.token)).status).toBe(403)
    expect((await getJson(feedUrl, fixture.viewerA1.token)).status).toBe(403)
    expect((await getJson(`${feedUrl}?token=${chairB.token}`, null)).status).toBe(403)
    // The refusal is logged, the query string (the token) is not.
    expect(logger.entries.some((entry) => entry.message === 'API request refused')).toBe(true)
    expect(JSON.stringify(logger.entries)).not.toContain(chairB.token)

    const viaQuery = await feed(fixture.eventA, fixture.chairA.token, { viaQuery: true })
    expect((await viaQuery.snapshot).roundtables).toHaveLength(2)
    const organizer = await feed(fixture.eventA, TEST_ADMIN_TOKEN)
    expect((await organizer.snapshot).event.id).toBe(fixture.eventA)
    const response = await fetch(feedUrl, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/)
    expect(response.headers.get('cache-control')).toBe('no-cache')
    await response.body?.cancel()
  })
})

describe('the event feed of a revoked invite', () => {
  it('ends at once, and the reconnection is refused', async () => {
    const temp = createTempDir('rapporteur-feed-revoke-')
    const server = await startServer(temp.dir)
    try {
      const fixture = await createInviteFixture(server)
      const chair = await openFeed(server.url, fixture.eventA, fixture.chairA.token, { viaQuery: true })
      await chair.snapshot
      const revoked = await requestJson('DELETE', `${server.url}/api/invites/${fixture.chairA.id}`)
      expect(revoked.status).toBe(204)
      await chair.ended
      const again = await getJson(`${server.url}/api/events/${fixture.eventA}/feed?token=${fixture.chairA.token}`, null)
      expect(again.status).toBe(401)
    } finally {
      await server.close()
      temp.remove()
    }
  })
})

describe('the event feed as the server stops', () => {
  it('ends open feeds, and the last statuses are stored', async () => {
    const temp = createTempDir('rapporteur-feed-stop-')
    try {
      let server = await startServer(temp.dir)
      const fixture = await createInviteFixture(server)
      const chair = await openFeed(server.url, fixture.eventA, fixture.chairA.token)
      await chair.snapshot
      const rapporteur = connectReport(server.url, fixture.a1, fixture.rapporteurA1.token)
      const viewer = connectReport(server.url, fixture.a1, fixture.viewerA1.token)
      await Promise.all([rapporteur.synced(), viewer.synced()])
      sectionFragment(rapporteur.doc, 'summary').insert(0, [paragraph('Stored as the server stops')])
      await waitUntil(() => sectionFragment(viewer.doc, 'summary').length > 0, 'the server relayed the edit')
      // Closing computes what the debounce still holds: no waiting for the feed first.
      await server.close()
      rapporteur.destroy()
      viewer.destroy()
      chair.close()
      server = await startServer(temp.dir)
      const after = await openFeed(server.url, fixture.eventA, fixture.chairA.token)
      const status = (await after.snapshot).roundtables.find((entry) => entry.id === fixture.a1)
      expect(status?.progress.words).toBe(5)
      after.close()
      await server.close()
    } finally {
      temp.remove()
    }
  })
})

describe('GET /api/metrics and roundtable.event', () => {
  let temp: ReturnType<typeof createTempDir>
  let server: RunningServer
  let fixture: InviteFixture

  beforeEach(async () => {
    temp = createTempDir('rapporteur-metrics-')
    server = await startServer(temp.dir)
    fixture = await createInviteFixture(server)
  })

  afterEach(async () => {
    await server.close()
    temp.remove()
  })

  it('gives the organizer the server figures; refuses others', async () => {
    const { status, body } = await getJson(`${server.url}/api/metrics`)
    expect(status).toBe(200)
    const metrics = body as Record<string, unknown>
    expect(Object.keys(metrics).sort()).toEqual(
      ['connections', 'cpuSystemMs', 'cpuUserMs', 'heapUsedBytes', 'openDocuments', 'progressComputations', 'progressCpuMs', 'rssBytes'],
    )
    expect(metrics.cpuUserMs).toBeGreaterThan(0)
    expect(metrics.rssBytes).toBeGreaterThan(0)
    expect((await getJson(`${server.url}/api/metrics`, fixture.chairA.token)).status).toBe(403)
    expect((await getJson(`${server.url}/api/metrics`, null)).status).toBe(401)
  })

  it('gives a roundtable its event, for the countdown', async () => {
    const { status, body } = await getJson(`${server.url}/api/roundtables/${fixture.a1}`, fixture.rapporteurA1.token)
    expect(status).toBe(200)
    expect(body).toMatchObject({
      id: fixture.a1,
      eventId: fixture.eventA,
      event: { id: fixture.eventA, title: 'Event A', closingAt: '2099-06-30T17:00:00.000Z' },
    })
  })
})
