import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import { CollabServer } from '../CollabServer.js'
import { MemoryDocumentStore } from '../MemoryDocumentStore.js'
import { messageAwareness } from '../protocol.js'
import { InProcessClient } from './InProcessClient.js'
import { RawClient } from './RawClient.js'
import { waitUntil } from './waitUntil.js'

const servers: CollabServer[] = []
afterEach(async () => {
  await Promise.allSettled(servers.splice(0).map((server) => server.destroy()))
})

/** An awareness message with the given entries (`state` null: removed). */
function awarenessMessage(entries: { clientId: number; clock: number; state: unknown }[]): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, entries.length)
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(update, clientId)
    encoding.writeVarUint(update, clock)
    encoding.writeVarString(update, JSON.stringify(state))
  }
  const message = encoding.createEncoder()
  encoding.writeVarUint(message, messageAwareness)
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update))
  return encoding.toUint8Array(message)
}

describe('awareness bound to connections', () => {
  it('drops entries for a client id another live connection set first, states and removals alike', async () => {
    const server = new CollabServer({ store: new MemoryDocumentStore(), awarenessBatchMs: 0 })
    servers.push(server)
    const victim = new InProcessClient(server, 'doc')
    const watcher = new InProcessClient(server, 'doc')
    await waitUntil(() => victim.synced && watcher.synced, 'both synced')
    victim.awareness.setLocalState({ name: 'Victim' })
    const victimId = victim.doc.clientID
    await waitUntil(() => watcher.awareness.getStates().has(victimId), 'the watcher sees the victim')

    const attacker = new RawClient(server, 'doc')
    await server.flush()
    attacker.receive(awarenessMessage([
      { clientId: 777, clock: 1, state: { name: 'Attacker' } },
      { clientId: victimId, clock: 100, state: { name: 'Mallory' } },
    ]))
    attacker.receive(awarenessMessage([{ clientId: victimId, clock: 200, state: null }]))
    await waitUntil(() => watcher.awareness.getStates().has(777), 'the attacker’s own state arrived')
    expect(attacker.closeCode).toBeNull()
    expect(watcher.awareness.getStates().get(victimId)).toEqual({ name: 'Victim' })

    // Its own id is 777 now: another connection cannot set it either.
    const other = new RawClient(server, 'doc')
    await server.flush()
    other.receive(awarenessMessage([{ clientId: 777, clock: 5, state: { name: 'Spoof' } }]))
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(watcher.awareness.getStates().get(777)).toEqual({ name: 'Attacker' })

    // Once the victim left, its id is free.
    victim.disconnect()
    await waitUntil(() => !watcher.awareness.getStates().has(victimId), 'the victim’s state was removed')
    other.receive(awarenessMessage([{ clientId: victimId, clock: 300, state: { name: 'Later' } }]))
    await waitUntil(() => watcher.awareness.getStates().get(victimId) !== undefined, 'the freed id was set')
  })
})
