import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import { CollabServer } from '../CollabServer.js'
import { MemoryDocumentStore } from '../MemoryDocumentStore.js'
import { messageAwareness, messageSync } from '../protocol.js'
import { InProcessClient } from './InProcessClient.js'
import { waitUntil } from './waitUntil.js'

function typeOf(data: Uint8Array): 'awareness' | 'update' | 'other' {
  const decoder = decoding.createDecoder(data)
  const type = decoding.readVarUint(decoder)
  if (type === messageAwareness) return 'awareness'
  return type === messageSync && decoding.readVarUint(decoder) === 2 ? 'update' : 'other'
}

const servers: CollabServer[] = []
afterEach(async () => {
  await Promise.allSettled(servers.splice(0).map((server) => server.destroy()))
})

async function twoClients(awarenessBatchMs?: number): Promise<[InProcessClient, InProcessClient]> {
  const server = new CollabServer({
    store: new MemoryDocumentStore(),
    ...(awarenessBatchMs === undefined ? {} : { awarenessBatchMs }),
  })
  servers.push(server)
  const a = new InProcessClient(server, 'doc')
  const b = new InProcessClient(server, 'doc')
  await waitUntil(() => a.synced && b.synced && server.connectionCount === 2, 'both synced')
  return [a, b]
}

describe('awareness relayed in batches', () => {
  it('relays a burst of caret moves as one message with the latest state', async () => {
    const [a, b] = await twoClients()
    const before = b.received.length
    for (let position = 0; position < 20; position++) a.awareness.setLocalStateField('cursor', position)
    await waitUntil(() => b.awareness.getStates().get(a.awareness.clientID)?.cursor === 19, 'b sees the last caret')
    await new Promise((resolve) => setTimeout(resolve, 60))
    const awarenessMessages = b.received.slice(before).filter((data) => typeOf(data) === 'awareness')
    expect(awarenessMessages.length).toBe(1)
  })

  it('sends the carets changed so far just before the next document update', async () => {
    const [a, b] = await twoClients(10_000)
    a.awareness.setLocalStateField('cursor', 7)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(b.awareness.getStates().get(a.awareness.clientID)?.cursor).toBeUndefined()
    const before = b.received.length
    a.doc.getText('t').insert(0, 'x')
    await waitUntil(() => b.doc.getText('t').toString() === 'x', 'b got the keystroke')
    expect(b.received.slice(before).map(typeOf)).toEqual(['awareness', 'update'])
    expect(b.awareness.getStates().get(a.awareness.clientID)?.cursor).toBe(7)
  })

  it('relays each change at once with awarenessBatchMs 0', async () => {
    const [a, b] = await twoClients(0)
    const before = b.received.length
    for (let position = 0; position < 5; position++) a.awareness.setLocalStateField('cursor', position)
    await waitUntil(() => b.awareness.getStates().get(a.awareness.clientID)?.cursor === 4, 'b sees the last caret')
    expect(b.received.slice(before).filter((data) => typeOf(data) === 'awareness').length).toBe(5)
  })

  it('rejects a negative batch time', () => {
    expect(() => new CollabServer({ store: new MemoryDocumentStore(), awarenessBatchMs: -1 })).toThrow(RangeError)
  })
})
