import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningServer } from '../../createServer.js'
import { createInviteFixture, type InviteFixture } from '../../__tests__/inviteFixture.js'
import { createTempDir, getJson, requestJson, startServer } from '../../__tests__/testServer.js'

interface ApiErrorBody {
  error: { code: string; message: string; reason?: string }
}

describe('API authentication and roles', () => {
  const temp = createTempDir()
  let server: RunningServer
  let api: string
  let fixture: InviteFixture

  beforeAll(async () => {
    server = await startServer(temp.dir)
    api = `${server.url}/api`
    fixture = await createInviteFixture(server)
  })

  afterAll(async () => {
    await server.close()
    temp.remove()
  })

  /** Everything the organizer can see, to check that refused calls changed nothing. */
  const snapshot = async (): Promise<unknown> => {
    const events = (await getJson(`${api}/events`)).body as { events: Array<{ id: string }> }
    const details = await Promise.all(events.events.map(async (event) => (await getJson(`${api}/events/${event.id}`)).body))
    const invites = await Promise.all(
      [fixture.a1, fixture.a2, fixture.b1].map(async (id) => (await getJson(`${api}/roundtables/${id}/invites`)).body),
    )
    const chairInvites = (await getJson(`${api}/events/${fixture.eventA}/invites`)).body
    return { events, details, invites, chairInvites }
  }

  const organizerCalls = (): Array<[string, string, unknown]> => [
    ['POST', `${api}/events`, { title: 'Intruder', closingAt: '2099-01-01T00:00:00Z' }],
    ['POST', `${api}/events/${fixture.eventA}/roundtables`, { title: 'Intruder' }],
    ['POST', `${api}/roundtables/${fixture.a1}/invites`, { role: 'rapporteur' }],
    ['GET', `${api}/roundtables/${fixture.a1}/invites`, undefined],
    ['POST', `${api}/events/${fixture.eventA}/invites`, { role: 'chair' }],
    ['GET', `${api}/events/${fixture.eventA}/invites`, undefined],
    ['DELETE', `${api}/invites/${fixture.viewerA1.id}`, undefined],
  ]

  it('answers 401 without a token or with a wrong one, and changes nothing', async () => {
    const before = await snapshot()
    const wrongTokens: Array<[string | null, string]> = [
      [null, 'missing'],
      ['rpo_wrong-token-of-the-right-shape-000000', 'unknown'],
      ['', 'missing'],
    ]
    for (const [method, url, body] of [...organizerCalls(), ['GET', `${api}/events`, undefined] as [string, string, unknown]]) {
      for (const [token, reason] of wrongTokens) {
        const response = await requestJson(method, url, { body, token })
        expect(response.status, `${method} ${url}`).toBe(401)
        expect((response.body as ApiErrorBody).error).toMatchObject({ code: 'unauthorized', reason })
        expect(response.headers.get('www-authenticate')).toBe('Bearer')
      }
    }
    const malformedHeader = await fetch(`${api}/events`, { headers: { authorization: 'Basic dXNlcjpwYXNz' } })
    expect(malformedHeader.status).toBe(401)
    expect(await snapshot()).toEqual(before)
  })

  it('answers 403 to rapporteurs, viewers and chairs on organizer routes, and changes nothing', async () => {
    const before = await snapshot()
    for (const invite of [fixture.rapporteurA1, fixture.viewerA1, fixture.chairA]) {
      for (const [method, url, body] of organizerCalls()) {
        const response = await requestJson(method, url, { body, token: invite.token })
        expect(response.status, `${invite.role}: ${method} ${url}`).toBe(403)
        expect((response.body as ApiErrorBody).error.code).toBe('forbidden')
      }
    }
    expect(await snapshot()).toEqual(before)
  })

  it('tells each token who it signs in', async () => {
    expect(await getJson(`${api}/session`)).toEqual({ status: 200, body: { role: 'organizer' } })
    expect(await getJson(`${api}/session`, fixture.rapporteurA1.token)).toEqual({
      status: 200,
      body: { role: 'rapporteur', eventId: fixture.eventA, roundtableId: fixture.a1, expiresAt: fixture.rapporteurA1.expiresAt },
    })
    expect((await getJson(`${api}/session`, fixture.viewerA1.token)).body).toEqual({
      role: 'viewer',
      eventId: fixture.eventA,
      roundtableId: fixture.a1,
      expiresAt: fixture.viewerA1.expiresAt,
    })
    expect((await getJson(`${api}/session`, fixture.chairA.token)).body).toEqual({
      role: 'chair',
      eventId: fixture.eventA,
      expiresAt: fixture.chairA.expiresAt,
    })
    expect((await getJson(`${api}/session`, null)).status).toBe(401)
  })

  it('lets a chair read its own event and its roundtables, and nothing of another event', async () => {
    const token = fixture.chairA.token
    const events = (await getJson(`${api}/events`, token)).body as { events: Array<{ id: string }> }
    expect(events.events.map((event) => event.id)).toEqual([fixture.eventA])
    const event = await getJson(`${api}/events/${fixture.eventA}`, token)
    expect(event.status).toBe(200)
    expect((event.body as { roundtables: Array<{ id: string }> }).roundtables.map((roundtable) => roundtable.id)).toEqual([
      fixture.a1,
      fixture.a2,
    ])
    expect((await getJson(`${api}/events/${fixture.eventA}/roundtables`, token)).status).toBe(200)
    expect((await getJson(`${api}/roundtables/${fixture.a2}`, token)).status).toBe(200)

    expect((await getJson(`${api}/events/${fixture.eventB}`, token)).status).toBe(403)
    expect((await getJson(`${api}/events/${fixture.eventB}/roundtables`, token)).status).toBe(403)
    expect((await getJson(`${api}/roundtables/${fixture.b1}`, token)).status).toBe(403)
  })

  it('lets rapporteurs and viewers read their own roundtable only', async () => {
    for (const invite of [fixture.rapporteurA1, fixture.viewerA1]) {
      const own = await getJson(`${api}/roundtables/${fixture.a1}`, invite.token)
      expect(own).toEqual({ status: 200, body: expect.objectContaining({ id: fixture.a1, eventId: fixture.eventA }) })
      for (const url of [
        `${api}/roundtables/${fixture.a2}`,
        `${api}/roundtables/${fixture.b1}`,
        `${api}/roundtables/nosuchround0`,
        `${api}/events`,
        `${api}/events/${fixture.eventA}`,
        `${api}/events/${fixture.eventA}/roundtables`,
      ]) {
        expect((await getJson(url, invite.token)).status, `${invite.role}: ${url}`).toBe(403)
      }
    }
    // Only the organizer learns that an id does not exist.
    expect((await getJson(`${api}/roundtables/nosuchround0`)).status).toBe(404)
  })
})
