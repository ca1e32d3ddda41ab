import { setMetaField } from '@rapporteur/template'
import { describe, expect, it } from 'vitest'
import { hashToken } from '../auth/hashToken.js'
import { JsonLogger } from '../logger/JsonLogger.js'
import { connectReport } from './connectReport.js'
import { createInviteFixture } from './inviteFixture.js'
import { openCollabSocket } from './openCollabSocket.js'
import { TEST_ADMIN_TOKEN, createTempDir, getJson, requestJson, startServer } from './testServer.js'

describe('the JSON log', () => {
  it('never holds a token or a token hash, whatever happens', async () => {
    const temp = createTempDir('rapporteur-log-')
    const lines: string[] = []
    const logger = new JsonLogger({ level: 'debug', write: (line) => lines.push(line) })
    const server = await startServer(temp.dir, logger, { env: { MAX_CONNECTION_ATTEMPTS_PER_MINUTE: '12' } })
    const fixture = await createInviteFixture(server)
    const tokens = [TEST_ADMIN_TOKEN, fixture.rapporteurA1.token, fixture.viewerA1.token, fixture.chairA.token, fixture.rapporteurB1.token]
    const wrongToken = 'rpi_a-wrong-token-someone-guessed-00000000000'
    const collab = `${server.url.replace('http', 'ws')}/collab`
    try {
      // API: accepted, unauthorized and forbidden calls.
      for (const token of [...tokens, wrongToken]) await getJson(`${server.url}/api/session`, token)
      await getJson(`${server.url}/api/events`, fixture.viewerA1.token)
      // Websocket: accepted, read-only with dropped edits, other room, unknown, revoked, bad origin, rate limited.
      const writer = connectReport(server.url, fixture.a1, fixture.rapporteurA1.token)
      const viewer = connectReport(server.url, fixture.a1, fixture.viewerA1.token)
      await Promise.all([writer.synced(), viewer.synced()])
      setMetaField(viewer.doc, 'title', 'Dropped')
      setMetaField(writer.doc, 'session', 'Kept')
      await (await openCollabSocket(`${collab}/${fixture.b1}?token=${fixture.chairA.token}`)).closed
      await (await openCollabSocket(`${collab}/${fixture.a1}?token=${wrongToken}`)).closed
      await requestJson('DELETE', `${server.url}/api/invites/${fixture.rapporteurA1.id}`)
      await writer.closed
      await (await openCollabSocket(`${collab}/${fixture.a1}?token=${fixture.rapporteurA1.token}`)).closed
      await openCollabSocket(`${collab}/${fixture.a1}?token=${TEST_ADMIN_TOKEN}`, { origin: 'https://evil.example.com' })
      for (let attempt = 0; attempt < 12; attempt++) {
        const socket = await openCollabSocket(`${collab}/${fixture.a1}?token=${fixture.chairA.token}`)
        socket.socket.close()
      }
      writer.destroy()
      viewer.destroy()
    } finally {
      await server.close()
      temp.remove()
    }
    const log = lines.join('')
    expect(log).toContain('Collaboration connection refused')
    expect(log).toContain('Collaboration upgrade refused')
    expect(log).toContain('API request refused')
    expect(log).toContain('"status":429')
    expect(log).toContain('"code":4410')
    for (const token of [...tokens, wrongToken]) {
      expect(log).not.toContain(token)
      expect(log).not.toContain(token.slice(4))
      expect(log).not.toContain(hashToken(token))
    }
  })
})
