import { CloseCode } from '@rapporteur/collab'
import { readMetaField, setMetaField } from '@rapporteur/template'
import { afterEach, describe, expect, it } from 'vitest'
import { waitUntil } from '../collab/__tests__/waitUntil.js'
import type { RunningServer } from '../createServer.js'
import { connectReport, type ReportClient } from './connectReport.js'
import { createInviteFixture } from './inviteFixture.js'
import { openCollabSocket, type CollabSocketResult } from './openCollabSocket.js'
import { RecordingLogger, TEST_ADMIN_TOKEN, createTempDir, startServer } from './testServer.js'

const viewerCount = 200

describe('readers cannot crowd writers out', () => {
  let temp: ReturnType<typeof createTempDir> | null = null
  let server: RunningServer | null = null
  const clients: ReportClient[] = []
  const sockets: CollabSocketResult[] = []

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    for (const socket of sockets.splice(0)) socket.socket.terminate()
    await server?.close()
    temp?.remove()
  })

  const open = async (url: string): Promise<CollabSocketResult> => {
    const socket = await openCollabSocket(url)
    sockets.push(socket)
    return socket
  }

  it(`lets a rapporteur join and edit a report that ${viewerCount} viewer connections of one token hold`, async () => {
    temp = createTempDir('rapporteur-reader-limits-')
    const logger = new RecordingLogger()
    // The per-token limit is raised so that one viewer token alone fills the readers' share.
    server = await startServer(temp.dir, logger, { env: { MAX_CONNECTIONS_PER_TOKEN: '1000' } })
    const fixture = await createInviteFixture(server)
    const viewerUrl = `${server.url.replace('http', 'ws')}/collab/${fixture.a1}?token=${fixture.viewerA1.token}`
    const viewers = await Promise.all(Array.from({ length: viewerCount }, () => open(viewerUrl)))
    await waitUntil(() => viewers.every((viewer) => viewer.received.length > 0), 'every viewer was greeted')

    const oneMore = await open(viewerUrl)
    expect(await oneMore.closed).toEqual({ code: CloseCode.TooManyConnections, reason: 'Too many read-only connections' })

    const rapporteur = connectReport(server.url, fixture.a1, fixture.rapporteurA1.token)
    const organizer = connectReport(server.url, fixture.a1, TEST_ADMIN_TOKEN)
    clients.push(rapporteur, organizer)
    await Promise.all([rapporteur.synced(), organizer.synced()])
    setMetaField(rapporteur.doc, 'session', 'Written past 200 readers')
    await waitUntil(() => readMetaField(organizer.doc, 'session') === 'Written past 200 readers', 'the edit arrived')
    expect(viewers.filter((viewer) => viewer.socket.readyState !== viewer.socket.OPEN)).toEqual([])
    const limitLines = logger.entries.filter((entry) => entry.fields?.limit === 'maxReadOnlyConnectionsPerDocument')
    expect(limitLines.length).toBe(1)
    expect(JSON.stringify(logger.entries)).not.toContain(fixture.viewerA1.token)
  }, 20_000)

  it('closes connections past MAX_CONNECTIONS_PER_TOKEN with 4508; other invites still get in', async () => {
    temp = createTempDir('rapporteur-token-limits-')
    server = await startServer(temp.dir, new RecordingLogger(), { env: { MAX_CONNECTIONS_PER_TOKEN: '3' } })
    const fixture = await createInviteFixture(server)
    const url = (token: string) => `${server?.url.replace('http', 'ws') ?? ''}/collab/${fixture.a1}?token=${token}`
    const tabs = await Promise.all([1, 2, 3].map(() => open(url(fixture.viewerA1.token))))
    await waitUntil(() => tabs.every((tab) => tab.received.length > 0), 'three tabs were greeted')
    const fourth = await open(url(fixture.viewerA1.token))
    expect(await fourth.closed).toEqual({ code: CloseCode.TooManyConnections, reason: 'Too many connections with this invite' })

    // A rapporteur's invite is counted on its own, writers and all.
    const writers = await Promise.all([1, 2, 3].map(() => open(url(fixture.rapporteurA1.token))))
    await waitUntil(() => writers.every((writer) => writer.received.length > 0), 'three writer tabs were greeted')
    expect((await (await open(url(fixture.rapporteurA1.token))).closed).code).toBe(CloseCode.TooManyConnections)
    const organizer = connectReport(server.url, fixture.a1, TEST_ADMIN_TOKEN)
    clients.push(organizer)
    await organizer.synced()

    // A tab that closes frees its place.
    tabs[0]?.socket.close()
    await tabs[0]?.closed
    // (the server hears of the close a moment after the client does)
    await new Promise((resolve) => setTimeout(resolve, 50))
    const again = await open(url(fixture.viewerA1.token))
    await waitUntil(() => again.received.length > 0, 'a new tab of the viewer got in')
  })
})
