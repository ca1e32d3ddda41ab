import { CloseCode, encodeUpdateMessage } from '@rapporteur/collab'
import { sectionFragment } from '@rapporteur/template'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { waitUntil } from '../collab/__tests__/waitUntil.js'
import type { RunningServer } from '../createServer.js'
import { connectReport, type ReportClient } from './connectReport.js'
import { createInviteFixture, createRoundtableInvite, type InviteFixture } from './inviteFixture.js'
import { openCollabSocket } from './openCollabSocket.js'
import { storedReport } from './storedReport.js'
import { createTempDir, startServer } from './testServer.js'

/** Appends `words` to the first paragraph of the summary (creating it). */
function type(client: ReportClient, words: string): void {
  const fragment = sectionFragment(client.doc, 'summary')
  client.doc.transact(() => {
    if (fragment.length === 0) {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText()])
      fragment.insert(0, [paragraph])
    }
    const text = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText
    text.insert(text.length, words)
  })
}

const summary = (doc: Y.Doc): string => sectionFragment(doc, 'summary').toString()

describe('client ids bound to connections (live server, stock clients)', () => {
  let temp: ReturnType<typeof createTempDir>
  let server: RunningServer
  let fixture: InviteFixture
  const clients: ReportClient[] = []
  const connect = (token: string): ReportClient => {
    const client = connectReport(server.url, fixture.a1, token)
    clients.push(client)
    return client
  }

  beforeEach(async () => {
    temp = createTempDir('rapporteur-client-ids-')
    server = await startServer(temp.dir)
    fixture = await createInviteFixture(server)
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
    temp.remove()
  })

  it('refuses (4409) a writer creating structs under another live writer’s id; the honest clients converge with the store', async () => {
    const attackerInvite = await createRoundtableInvite(server, fixture.a1, { role: 'rapporteur', label: 'Mallory' })
    const thirdInvite = await createRoundtableInvite(server, fixture.a1, { role: 'rapporteur', label: 'Third' })
    const victim = connect(fixture.rapporteurA1.token)
    const third = connect(thirdInvite.token)
    await Promise.all([victim.synced(), third.synced()])
    type(victim, 'Honest words.')
    await waitUntil(() => summary(third.doc).includes('Honest words.'), 'the third client got the victim’s words')

    // A copy of the report under the victim's client id, with a new insert: the victim's next clocks.
    const forger = new Y.Doc()
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(victim.doc))
    forger.clientID = victim.doc.clientID
    const before = Y.encodeStateVector(forger)
    const forgedText = ((sectionFragment(forger, 'summary').get(0) as Y.XmlElement).get(0)) as Y.XmlText
    forgedText.insert(0, 'FORGED ')
    const forged = Y.encodeStateAsUpdate(forger, before)
    const attacker = await openCollabSocket(`${server.url.replace('http', 'ws')}/collab/${fixture.a1}?token=${attackerInvite.token}`)
    await waitUntil(() => attacker.received.length > 0, 'the attacker was greeted')
    attacker.socket.send(encodeUpdateMessage(forged))
    expect((await attacker.closed).code).toBe(CloseCode.ClientIdTaken)

    // The honest clients keep typing and converge, with each other and with what the server stores.
    type(victim, ' More from the victim.')
    type(third, ' And from the third.')
    await waitUntil(
      () => summary(victim.doc) === summary(third.doc) && summary(victim.doc).includes('More from the victim.') && summary(victim.doc).includes('And from the third.'),
      'the honest clients converged',
    )
    expect(summary(victim.doc)).not.toContain('FORGED')
    const newcomer = connect(thirdInvite.token)
    await newcomer.synced()
    await waitUntil(() => summary(newcomer.doc) === summary(victim.doc), 'a newcomer holds the same report')
    expect(Y.encodeStateVector(newcomer.doc)).toEqual(Y.encodeStateVector(victim.doc))
    expect(victim.provider.wsconnected && third.provider.wsconnected).toBe(true)

    for (const client of clients.splice(0)) client.destroy()
    await server.close()
    const stored = storedReport(temp.dir, fixture.a1)
    expect(summary(stored)).toBe(summary(victim.doc))
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(victim.doc))
    server = await startServer(temp.dir)
  })

  it('lets the same client reconnect at once and go on typing (its id is released, or taken over)', async () => {
    const writer = connect(fixture.rapporteurA1.token)
    const watcher = connect(fixture.rapporteurA1.token)
    await Promise.all([writer.synced(), watcher.synced()])
    type(writer, 'Before.')
    await waitUntil(() => summary(watcher.doc).includes('Before.'), 'the watcher got the first words')
    const closes: number[] = []
    writer.provider.on('connection-close', (event) => {
      if (event !== null) closes.push(event.code)
    })
    for (let round = 0; round < 3; round++) {
      writer.provider.disconnect()
      type(writer, ` Offline ${round}.`)
      writer.provider.connect()
      type(writer, ` Online ${round}.`)
      await waitUntil(() => summary(watcher.doc).includes(`Online ${round}.`), `round ${round} arrived`)
    }
    expect(summary(watcher.doc)).toBe(summary(writer.doc))
    expect(closes.filter((code) => code >= 4400 && code < 4500)).toEqual([])
  })

  it('lets a tab of the same invite take its id over while the server still holds its old socket; no one else', async () => {
    const strangerInvite = await createRoundtableInvite(server, fixture.a1, { role: 'rapporteur', label: 'Stranger' })
    const watcher = connect(strangerInvite.token)
    await watcher.synced()
    // The tab's old connection: it typed, and its socket is still open on the server (a silent network drop).
    const tab = new Y.Doc()
    tab.getText('notes').insert(0, 'typed before the drop. ')
    const collabUrl = `${server.url.replace('http', 'ws')}/collab/${fixture.a1}`
    const old = await openCollabSocket(`${collabUrl}?token=${fixture.rapporteurA1.token}`)
    await waitUntil(() => old.received.length > 0, 'the old socket was greeted')
    old.socket.send(encodeUpdateMessage(Y.encodeStateAsUpdate(tab)))
    await waitUntil(() => watcher.doc.getText('notes').toString() !== '', 'the first words arrived')
    tab.getText('notes').insert(tab.getText('notes').length, 'typed offline.')

    // Someone else cannot send the tab's offline words under its id…
    const strangerSocket = await openCollabSocket(`${collabUrl}?token=${strangerInvite.token}`)
    await waitUntil(() => strangerSocket.received.length > 0, 'the stranger was greeted')
    strangerSocket.socket.send(encodeUpdateMessage(Y.encodeStateAsUpdate(tab, Y.encodeStateVector(watcher.doc))))
    expect((await strangerSocket.closed).code).toBe(CloseCode.ClientIdTaken)

    // …but the same tab reconnecting with its invite syncs them (the stock client, same doc, same client id).
    const reconnected = new WebsocketProvider(`${server.url.replace('http', 'ws')}/collab`, fixture.a1, tab, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      params: { token: fixture.rapporteurA1.token },
    })
    try {
      await waitUntil(() => reconnected.synced, 'the reconnected tab synced')
      await waitUntil(() => watcher.doc.getText('notes').toString() === tab.getText('notes').toString(), 'the offline words arrived')
    } finally {
      reconnected.destroy()
      old.socket.close()
    }
  })
})
