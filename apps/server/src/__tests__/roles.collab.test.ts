import { CloseCode } from '@rapporteur/collab'
import { readMetaField, reportMeta, sectionFragment, setMetaField } from '@rapporteur/template'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { waitUntil } from '../collab/__tests__/waitUntil.js'
import type { RunningServer } from '../createServer.js'
import { connectReport, type ReportClient } from './connectReport.js'
import { createInviteFixture, type InviteFixture } from './inviteFixture.js'
import { openCollabSocket } from './openCollabSocket.js'
import { storedReport } from './storedReport.js'
import { TEST_ADMIN_TOKEN, createTempDir, startServer } from './testServer.js'
import { filledMeta } from './filledMeta.js'

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  element.insert(0, [new Y.XmlText(text)])
  return element
}

/** Names in the awareness states `client` sees, other than its own. */
function namesSeenBy(client: ReportClient): string[] {
  const names: string[] = []
  for (const [clientId, state] of client.provider.awareness.getStates()) {
    const name = (state as { user?: { name?: string } }).user?.name
    if (clientId !== client.doc.clientID && name !== undefined) names.push(name)
  }
  return names.sort()
}

describe('roles on the collaboration websocket', () => {
  let temp: ReturnType<typeof createTempDir>
  let server: RunningServer
  let fixture: InviteFixture
  const clients: ReportClient[] = []
  const connect = (roundtableId: string, token: string | null): ReportClient => {
    const client = connectReport(server.url, roundtableId, token)
    clients.push(client)
    return client
  }

  beforeEach(async () => {
    temp = createTempDir('rapporteur-roles-')
    server = await startServer(temp.dir)
    fixture = await createInviteFixture(server)
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
    temp.remove()
  })

  it('relays and stores what a rapporteur writes; the organizer writes too', async () => {
    const rapporteur = connect(fixture.a1, fixture.rapporteurA1.token)
    const organizer = connect(fixture.a1, TEST_ADMIN_TOKEN)
    await Promise.all([rapporteur.synced(), organizer.synced()])
    expect(rapporteur.notices).toEqual([])

    sectionFragment(rapporteur.doc, 'summary').insert(0, [paragraph('Written by the rapporteur')])
    setMetaField(organizer.doc, 'session', 'Session 2')
    await waitUntil(() => sectionFragment(organizer.doc, 'summary').toString().includes('Written by the rapporteur'), 'the organizer sees the edit')
    await waitUntil(() => readMetaField(rapporteur.doc, 'session') === 'Session 2', 'the rapporteur sees the edit')

    await server.close()
    const stored = storedReport(temp.dir, fixture.a1)
    expect(sectionFragment(stored, 'summary').toString()).toContain('Written by the rapporteur')
    expect(readMetaField(stored, 'session')).toBe('Session 2')
    expect(readMetaField(stored, 'title')).toBe('A one')
  })

  it('gives chair and viewer the live report read-only: told so, their edits never applied, relayed or stored', async () => {
    const rapporteur = connect(fixture.a1, fixture.rapporteurA1.token)
    const viewer = connect(fixture.a1, fixture.viewerA1.token)
    const chair = connect(fixture.a1, fixture.chairA.token)
    await Promise.all([rapporteur.synced(), viewer.synced(), chair.synced()])
    expect(readMetaField(viewer.doc, 'title')).toBe('A one')

    setMetaField(rapporteur.doc, 'session', 'Session 4')
    await waitUntil(
      () => [viewer, chair].every((reader) => readMetaField(reader.doc, 'session') === 'Session 4'),
      'chair and viewer see the live edit',
    )
    expect(viewer.notices).toEqual(['read-only'])
    expect(chair.notices).toEqual(['read-only'])

    for (const [reader, name] of [
      [viewer, 'Vera (viewer)'],
      [chair, 'Chandra (chair)'],
    ] as const) {
      setMetaField(reader.doc, 'title', `Changed by ${name}`)
      sectionFragment(reader.doc, 'summary').insert(0, [paragraph(`Written by ${name}`)])
      // Sent after the edits on the same socket: once the rapporteur sees it, the edits would have arrived too.
      reader.provider.awareness.setLocalStateField('user', { name, color: '#123456' })
    }
    await waitUntil(
      () => namesSeenBy(rapporteur).join() === ['Chandra (chair)', 'Vera (viewer)'].join(),
      'the rapporteur sees chair and viewer present',
    )
    expect(readMetaField(rapporteur.doc, 'title')).toBe('A one')
    expect(sectionFragment(rapporteur.doc, 'summary').length).toBe(0)
    expect(readMetaField(chair.doc, 'title')).toBe('Changed by Chandra (chair)')

    const latecomer = connect(fixture.a1, TEST_ADMIN_TOKEN)
    await latecomer.synced()
    expect(readMetaField(latecomer.doc, 'title')).toBe('A one')
    expect(readMetaField(latecomer.doc, 'session')).toBe('Session 4')
    expect(sectionFragment(latecomer.doc, 'summary').length).toBe(0)

    await server.close()
    const stored = storedReport(temp.dir, fixture.a1)
    expect(filledMeta(stored)).toEqual({ title: 'A one', session: 'Session 4' })
    expect(sectionFragment(stored, 'summary').length).toBe(0)
  })

  it('lets the chair read every report of its event live, and no other event', async () => {
    const onA1 = connect(fixture.a1, fixture.chairA.token)
    const onA2 = connect(fixture.a2, fixture.chairA.token)
    await Promise.all([onA1.synced(), onA2.synced()])
    expect(readMetaField(onA1.doc, 'title')).toBe('A one')
    expect(readMetaField(onA2.doc, 'title')).toBe('A two')

    const onB1 = connect(fixture.b1, fixture.chairA.token)
    expect(await onB1.closed).toEqual({ code: CloseCode.Forbidden, reason: 'This invite is for another report' })
    expect(reportMeta(onB1.doc).get('title')).toBeUndefined()
  })

  it('refuses a rapporteur or viewer on another roundtable with 4403, before any document byte', async () => {
    for (const [token, roundtableId] of [
      [fixture.rapporteurA1.token, fixture.a2],
      [fixture.rapporteurA1.token, fixture.b1],
      [fixture.viewerA1.token, fixture.a2],
      [fixture.rapporteurB1.token, fixture.a1],
    ]) {
      const socket = await openCollabSocket(`${server.url.replace('http', 'ws')}/collab/${roundtableId}?token=${token}`)
      expect(socket.status).toBe(101)
      expect((await socket.closed).code).toBe(CloseCode.Forbidden)
      expect(socket.received).toEqual([])
    }
    const stock = connect(fixture.a2, fixture.rapporteurA1.token)
    expect((await stock.closed).code).toBe(CloseCode.Forbidden)
    expect(reportMeta(stock.doc).get('title')).toBeUndefined()
  })
})
