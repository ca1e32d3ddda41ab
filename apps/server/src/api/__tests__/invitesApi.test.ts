import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashToken } from '../../auth/hashToken.js'
import type { RunningServer } from '../../createServer.js'
import { DATABASE_FILE } from '../../storage/openStorage.js'
import { createChairInvite, createEvent, createRoundtable, createRoundtableInvite } from '../../__tests__/inviteFixture.js'
import { createTempDir, getJson, postJson, requestJson, startServer } from '../../__tests__/testServer.js'

interface ApiErrorBody {
  error: { code: string; message: string; reason?: string }
}

const ID = /^[a-z0-9]{12}$/
const INVITE_TOKEN = /^rpi_[A-Za-z0-9_-]{43}$/
const inAMinute = (): string => new Date(Date.now() + 60_000).toISOString()

describe('invite API', () => {
  const temp = createTempDir()
  let server: RunningServer
  let api: string
  let eventId: string
  let roundtableId: string

  beforeAll(async () => {
    server = await startServer(temp.dir)
    api = `${server.url}/api`
    eventId = await createEvent(server, 'Forum')
    roundtableId = await createRoundtable(server, eventId, 'Ports')
  })

  afterAll(async () => {
    await server.close()
    temp.remove()
  })

  it('creates a roundtable invite with its token and sign-in URL, shown once', async () => {
    const invite = await createRoundtableInvite(server, roundtableId, { role: 'rapporteur', label: '  Amina (notes)  ' })
    expect(invite).toEqual({
      id: expect.stringMatching(ID),
      token: expect.stringMatching(INVITE_TOKEN),
      url: `${server.url}/invite#${invite.token}`,
      role: 'rapporteur',
      eventId,
      roundtableId,
      label: 'Amina (notes)',
      // The event closes 2099-06-30T17:00:00Z: seven days later by default.
      expiresAt: '2099-07-07T17:00:00.000Z',
      createdAt: expect.any(String),
    })
    const listed = (await getJson(`${api}/roundtables/${roundtableId}/invites`)).body as { invites: Array<Record<string, unknown>> }
    const { token: _token, url: _url, ...withoutSecret } = invite
    expect(listed.invites).toContainEqual({ ...withoutSecret, revokedAt: null })
    expect(JSON.stringify(listed)).not.toContain(invite.token)
    expect(JSON.stringify(listed)).not.toContain(hashToken(invite.token))
  })

  it('creates a chair invite for an event, listed with the event and not with its roundtables', async () => {
    const expiresAt = inAMinute()
    const invite = await createChairInvite(server, eventId, { expiresAt })
    expect(invite).toMatchObject({ role: 'chair', eventId, roundtableId: null, label: null, expiresAt })
    const eventInvites = (await getJson(`${api}/events/${eventId}/invites`)).body as { invites: Array<{ id: string }> }
    expect(eventInvites.invites.map((listed) => listed.id)).toContain(invite.id)
    const roundtableInvites = (await getJson(`${api}/roundtables/${roundtableId}/invites`)).body as { invites: Array<{ id: string }> }
    expect(roundtableInvites.invites.map((listed) => listed.id)).not.toContain(invite.id)
  })

  it('stores only the SHA-256 of a token', async () => {
    const invite = await createRoundtableInvite(server, roundtableId, { role: 'viewer' })
    const db = new BetterSqlite3(path.join(temp.dir, DATABASE_FILE), { readonly: true })
    try {
      const row = db.prepare('SELECT * FROM invites WHERE id = ?').get(invite.id) as Record<string, unknown>
      expect(row.token_hash).toBe(hashToken(invite.token))
      expect(Object.values(row)).not.toContain(invite.token)
    } finally {
      db.close()
    }
  })

  it('uses PUBLIC_URL for sign-in links when it is set', async () => {
    const other = createTempDir()
    const behindProxy = await startServer(other.dir, undefined, { env: { PUBLIC_URL: 'https://reports.example.org/' } })
    try {
      const event = await createEvent(behindProxy, 'Proxied')
      const invite = await createChairInvite(behindProxy, event)
      expect(invite.url).toBe(`https://reports.example.org/invite#${invite.token}`)
    } finally {
      await behindProxy.close()
      other.remove()
    }
  })

  it.each([
    [{}, 'role must be "rapporteur" or "viewer", got null'],
    [{ role: 'chair' }, 'role must be "rapporteur" or "viewer", got "chair"'],
    [{ role: 'organizer' }, 'role must be "rapporteur" or "viewer"'],
    [{ role: 'viewer', expiresAt: '2001-01-01T00:00:00Z' }, 'expiresAt must be in the future'],
    [{ role: 'viewer', expiresAt: 'tomorrow' }, 'expiresAt must be an ISO 8601 date-time'],
    [{ role: 'viewer', expiresAt: '2099-02-30T00:00:00Z' }, 'expiresAt is not a real date and time'],
    [{ role: 'viewer', label: 'x'.repeat(101) }, 'label must be at most 100 characters, got 101'],
    [{ role: 'viewer', label: 7 }, 'label must be a string'],
  ])('refuses roundtable invite %j with 400', async (body, message) => {
    const response = await postJson(`${api}/roundtables/${roundtableId}/invites`, body)
    expect(response.status).toBe(400)
    expect((response.body as ApiErrorBody).error).toEqual({ code: 'invalid_request', message: expect.stringContaining(message) })
  })

  it('refuses event invites for other roles than chair, and invites of unknown places with 404', async () => {
    for (const role of ['rapporteur', 'viewer']) {
      const response = await postJson(`${api}/events/${eventId}/invites`, { role })
      expect((response.body as ApiErrorBody).error.message).toBe(`role must be "chair", got "${role}"`)
    }
    expect((await postJson(`${api}/events/nosuchevent0/invites`, { role: 'chair' })).status).toBe(404)
    expect((await postJson(`${api}/roundtables/nosuchround0/invites`, { role: 'viewer' })).status).toBe(404)
    expect((await getJson(`${api}/roundtables/nosuchround0/invites`)).status).toBe(404)
    expect((await getJson(`${api}/events/nosuchevent0/invites`)).status).toBe(404)
  })

  it('refuses a default expiry in the past for an event closed long ago', async () => {
    const closed = (await postJson(`${api}/events`, { title: 'Old', closingAt: '2001-01-01T00:00:00Z' })).body as { id: string }
    const response = await postJson(`${api}/events/${closed.id}/invites`, { role: 'chair' })
    expect(response.status).toBe(400)
    expect((response.body as ApiErrorBody).error.message).toContain('give an expiresAt in the future')
    expect((await postJson(`${api}/events/${closed.id}/invites`, { role: 'chair', expiresAt: inAMinute() })).status).toBe(201)
  })

  it('revokes an invite: 204, listed with revokedAt, refused from then on; 404 for an unknown one', async () => {
    const invite = await createRoundtableInvite(server, roundtableId, { role: 'viewer' })
    expect((await getJson(`${api}/session`, invite.token)).status).toBe(200)
    const revoked = await requestJson('DELETE', `${api}/invites/${invite.id}`)
    expect(revoked.status).toBe(204)
    expect(revoked.body).toBeUndefined()

    const session = await getJson(`${api}/session`, invite.token)
    expect(session.status).toBe(401)
    expect((session.body as ApiErrorBody).error).toEqual({
      code: 'unauthorized',
      message: 'This invite link was revoked',
      reason: 'revoked',
    })
    const listed = (await getJson(`${api}/roundtables/${roundtableId}/invites`)).body as {
      invites: Array<{ id: string; revokedAt: string | null }>
    }
    const revokedAt = listed.invites.find((entry) => entry.id === invite.id)?.revokedAt
    expect(Date.parse(revokedAt ?? '')).toBeLessThanOrEqual(Date.now())

    expect((await requestJson('DELETE', `${api}/invites/${invite.id}`)).status).toBe(204)
    const again = (await getJson(`${api}/roundtables/${roundtableId}/invites`)).body as typeof listed
    expect(again.invites.find((entry) => entry.id === invite.id)?.revokedAt).toBe(revokedAt)
    expect((await requestJson('DELETE', `${api}/invites/nosuchinvit0`)).status).toBe(404)
  })

  it('refuses an expired invite with 401 reason expired', async () => {
    const invite = await createRoundtableInvite(server, roundtableId, {
      role: 'viewer',
      expiresAt: new Date(Date.now() + 1000).toISOString(),
    })
    expect((await getJson(`${api}/session`, invite.token)).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 1100))
    const session = await getJson(`${api}/session`, invite.token)
    expect(session.status).toBe(401)
    expect((session.body as ApiErrorBody).error).toMatchObject({ reason: 'expired', message: 'This invite link has expired' })
  })
})
