import { CloseCode } from '@rapporteur/collab'
import { reportMeta } from '@rapporteur/template'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RunningServer } from '../createServer.js'
import { connectReport, type ReportClient } from './connectReport.js'
import { createInviteFixture, createRoundtableInvite, type InviteFixture } from './inviteFixture.js'
import { openCollabSocket } from './openCollabSocket.js'
import { RecordingLogger, TEST_ADMIN_TOKEN, createTempDir, requestJson, startServer } from './testServer.js'

describe('refusals on the collaboration websocket', () => {
  let temp: ReturnType<typeof createTempDir>
  let logger: RecordingLogger
  let server: RunningServer
  let fixture: InviteFixture
  const clients: ReportClient[] = []
  const connect = (roundtableId: string, token: string | null): ReportClient => {
    const client = connectReport(server.url, roundtableId, token)
    clients.push(client)
    return client
  }
  const collabUrl = (roundtableId: string, token?: string): string =>
    `${server.url.replace('http', 'ws')}/collab/${roundtableId}${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`
  const refusals = () => logger.entries.filter((entry) => /refused/.test(entry.message))

  beforeEach(async () => {
    temp = createTempDir('rapporteur-refusals-')
    logger = new RecordingLogger()
    server = await startServer(temp.dir, logger, {
      env: { ALLOWED_ORIGINS: 'https://reports.example.org' },
      overrides: { expiryCheckIntervalMs: 100 },
    })
    fixture = await createInviteFixture(server)
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
    temp.remove()
  })

  it('closes a connection without a token or with an unknown one with 4401, before any document byte', async () => {
    for (const [token, reason] of [
      [undefined, 'A token is required'],
      ['', 'A token is required'],
      ['rpi_not-a-real-invite-token-000000000000000', 'Unknown token'],
    ] as const) {
      const socket = await openCollabSocket(collabUrl(fixture.a1, token))
      expect(socket.status).toBe(101)
      expect(await socket.closed).toEqual({ code: CloseCode.Unauthorized, reason })
      expect(socket.received).toEqual([])
    }
    const stock = connect(fixture.a1, null)
    expect((await stock.closed).code).toBe(CloseCode.Unauthorized)
    expect(reportMeta(stock.doc).get('title')).toBeUndefined()
    expect(refusals()).toContainEqual({
      level: 'info',
      message: 'Collaboration connection refused',
      fields: { documentName: fixture.a1, code: 4401, reason: 'A token is required', refusal: 'missing' },
    })
  })

  it('refuses an expired invite with 4401, and closes its open connections once it expires', async () => {
    const invite = await createRoundtableInvite(server, fixture.a1, {
      role: 'rapporteur',
      expiresAt: new Date(Date.now() + 1500).toISOString(),
    })
    const open = connect(fixture.a1, invite.token)
    await open.synced()
    expect(await open.closed).toEqual({ code: CloseCode.Unauthorized, reason: 'Invite expired' })

    const socket = await openCollabSocket(collabUrl(fixture.a1, invite.token))
    expect(await socket.closed).toEqual({ code: CloseCode.Unauthorized, reason: 'Invite expired' })
    expect(socket.received).toEqual([])
  })

  it('closes the open connections of a revoked invite within a second with 4410, and refuses it from then on', async () => {
    const first = connect(fixture.a1, fixture.rapporteurA1.token)
    const second = connect(fixture.a1, fixture.rapporteurA1.token)
    const other = connect(fixture.a1, fixture.viewerA1.token)
    await Promise.all([first.synced(), second.synced(), other.synced()])

    const revoked = await requestJson('DELETE', `${server.url}/api/invites/${fixture.rapporteurA1.id}`)
    expect(revoked.status).toBe(204)
    const closes = await Promise.race([
      Promise.all([first.closed, second.closed]),
      new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), 1000)),
    ])
    expect(closes).toEqual([
      { code: CloseCode.AccessRevoked, reason: 'Invite revoked' },
      { code: CloseCode.AccessRevoked, reason: 'Invite revoked' },
    ])
    expect(other.provider.wsconnected).toBe(true)

    const socket = await openCollabSocket(collabUrl(fixture.a1, fixture.rapporteurA1.token))
    expect(await socket.closed).toEqual({ code: CloseCode.AccessRevoked, reason: 'Invite revoked' })
    expect(socket.received).toEqual([])
    expect(logger.entries).toContainEqual(
      expect.objectContaining({ message: 'invite revoked', fields: expect.objectContaining({ closedConnections: 2 }) }),
    )
  })

  it('refuses an upgrade from an origin that is neither listed nor its own with 403', async () => {
    const url = collabUrl(fixture.a1, TEST_ADMIN_TOKEN)
    expect((await openCollabSocket(url, { origin: 'https://evil.example.com' })).status).toBe(403)
    expect((await openCollabSocket(url, { origin: 'null' })).status).toBe(403)
    for (const origin of [undefined, server.url, 'https://reports.example.org', 'https://REPORTS.example.org:443']) {
      const socket = await openCollabSocket(url, origin === undefined ? {} : { origin })
      expect(socket.status, String(origin)).toBe(101)
      socket.socket.close()
    }
    expect(refusals()).toContainEqual({
      level: 'warn',
      message: 'Collaboration upgrade refused',
      fields: { status: 403, reason: 'origin not allowed', documentName: fixture.a1, origin: 'https://evil.example.com' },
    })
  })

  it('refuses unknown roundtables and other paths with 404', async () => {
    expect((await openCollabSocket(collabUrl('nosuchround0', TEST_ADMIN_TOKEN))).status).toBe(404)
    expect((await openCollabSocket(`${server.url.replace('http', 'ws')}/elsewhere/${fixture.a1}`)).status).toBe(404)
    expect(refusals()).toContainEqual(
      expect.objectContaining({ fields: { status: 404, reason: 'unknown document', documentName: 'nosuchround0' } }),
    )
  })

  it('never logs the token of a refused or accepted connection', async () => {
    const tokens = [TEST_ADMIN_TOKEN, fixture.rapporteurA1.token, fixture.chairA.token]
    const accepted = connect(fixture.a1, fixture.rapporteurA1.token)
    await accepted.synced()
    const refused = connect(fixture.b1, fixture.chairA.token)
    await refused.closed
    const serialized = JSON.stringify(logger.entries)
    for (const token of tokens) expect(serialized).not.toContain(token)
  })
})

describe('connection attempts per address', () => {
  it('refuses attempts past MAX_CONNECTION_ATTEMPTS_PER_MINUTE with 429', async () => {
    const temp = createTempDir('rapporteur-attempts-')
    const logger = new RecordingLogger()
    const server = await startServer(temp.dir, logger, { env: { MAX_CONNECTION_ATTEMPTS_PER_MINUTE: '3' } })
    try {
      const fixture = await createInviteFixture(server)
      const url = `${server.url.replace('http', 'ws')}/collab/${fixture.a1}?token=${TEST_ADMIN_TOKEN}`
      const statuses: number[] = []
      for (let attempt = 0; attempt < 5; attempt++) {
        const socket = await openCollabSocket(url)
        statuses.push(socket.status)
        socket.socket.close()
      }
      expect(statuses).toEqual([101, 101, 101, 429, 429])
      // The HTTP API is not counted.
      expect((await requestJson('GET', `${server.url}/api/session`)).status).toBe(200)
      expect(logger.entries).toContainEqual({
        level: 'warn',
        message: 'Collaboration upgrade refused',
        fields: { status: 429, reason: 'too many connection attempts', documentName: fixture.a1, address: '127.0.0.1' },
      })
    } finally {
      await server.close()
      temp.remove()
    }
  })
})
