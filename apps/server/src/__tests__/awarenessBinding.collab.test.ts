import { messageAwareness } from '@rapporteur/collab'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { waitUntil } from '../collab/__tests__/waitUntil.js'
import type { RunningServer } from '../createServer.js'
import { connectReport, type ReportClient } from './connectReport.js'
import { createInviteFixture, createRoundtableInvite, type InviteFixture } from './inviteFixture.js'
import { openCollabSocket } from './openCollabSocket.js'
import { createTempDir, startServer } from './testServer.js'

/** lib0's varUint. */
function varUint(value: number): number[] {
  const bytes: number[] = []
  let rest = value
  while (rest > 0x7f) {
    bytes.push(0x80 | (rest % 0x80))
    rest = Math.floor(rest / 0x80)
  }
  bytes.push(rest)
  return bytes
}

/** An awareness message with the given entries (`state` null: removed), written by hand. */
function awarenessMessage(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const update: number[] = varUint(entries.length)
  for (const { clientId, clock, state } of entries) {
    const json = Buffer.from(JSON.stringify(state))
    update.push(...varUint(clientId), ...varUint(clock), ...varUint(json.length), ...json)
  }
  return new Uint8Array([messageAwareness, ...varUint(update.length), ...update])
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

describe('awareness bound to connections (live server, stock clients)', () => {
  let temp: ReturnType<typeof createTempDir>
  let server: RunningServer
  let fixture: InviteFixture
  const clients: ReportClient[] = []

  beforeEach(async () => {
    temp = createTempDir('rapporteur-awareness-')
    server = await startServer(temp.dir)
    fixture = await createInviteFixture(server)
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
    temp.remove()
  })

  it('drops a forged presence (state or removal) for another live client’s id; the victim’s presence stays', async () => {
    const victim = connectReport(server.url, fixture.a1, fixture.rapporteurA1.token)
    const third = connectReport(server.url, fixture.a1, fixture.viewerA1.token)
    clients.push(victim, third)
    await Promise.all([victim.synced(), third.synced()])
    victim.provider.awareness.setLocalStateField('user', { name: 'Amina' })
    const victimId = victim.doc.clientID
    const presenceOf = (clientId: number) => third.provider.awareness.getStates().get(clientId) as { user?: { name?: string } } | undefined
    await waitUntil(() => presenceOf(victimId)?.user?.name === 'Amina', 'the third client sees the victim')

    // Any connection may send awareness, read-only ones too: the attacker uses a viewer invite of its own.
    const attackerInvite = await createRoundtableInvite(server, fixture.a1, { role: 'viewer' })
    const attacker = await openCollabSocket(`${server.url.replace('http', 'ws')}/collab/${fixture.a1}?token=${attackerInvite.token}`)
    await waitUntil(() => attacker.received.length > 0, 'the attacker was greeted')
    const clock = (victim.provider.awareness.meta.get(victimId)?.clock ?? 0) + 10
    attacker.socket.send(
      awarenessMessage([
        { clientId: 4242, clock: 1, state: { user: { name: 'Mallory' } } },
        { clientId: victimId, clock, state: { user: { name: 'Impostor' } } },
      ]),
    )
    attacker.socket.send(awarenessMessage([{ clientId: victimId, clock: clock + 1, state: null }]))
    await waitUntil(() => presenceOf(4242)?.user?.name === 'Mallory', 'the attacker’s own presence arrived')
    await sleep(100)
    expect(presenceOf(victimId)?.user?.name).toBe('Amina')
    expect(victim.provider.awareness.getLocalState()).toEqual({ user: { name: 'Amina' } })

    // The victim's own changes still go through; so does the attacker's own presence going away with it.
    victim.provider.awareness.setLocalStateField('user', { name: 'Amina K.' })
    await waitUntil(() => presenceOf(victimId)?.user?.name === 'Amina K.', 'the victim’s change arrived')
    attacker.socket.close()
    await waitUntil(() => presenceOf(4242) === undefined, 'the attacker’s presence went with it')
  })
})
