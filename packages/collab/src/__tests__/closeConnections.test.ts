import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CollabServer } from '../CollabServer.js'
import type { Connection } from '../Connection.js'
import type { StoredUpdate } from '../DocumentStore.js'
import { encodeUpdateMessage } from '../messages.js'
import { MemoryDocumentStore } from '../MemoryDocumentStore.js'
import { CloseCode } from '../protocol.js'
import { delivered } from './delivered.js'
import { InProcessClient } from './InProcessClient.js'
import { loadStoredDoc } from './loadStoredDoc.js'
import { RawClient } from './RawClient.js'
import { waitUntil } from './waitUntil.js'

/** A memory store whose loads of `gatedName` wait until `open()`. */
class OneGatedDocumentStore extends MemoryDocumentStore {
  private release: () => void = () => {}
  private readonly gate = new Promise<void>((resolve) => {
    this.release = resolve
  })

  constructor(private readonly gatedName: string) {
    super()
  }

  override async load(documentName: string): Promise<StoredUpdate[]> {
    if (documentName === this.gatedName) await this.gate
    return super.load(documentName)
  }

  open(): void {
    this.release()
  }
}

interface Principal {
  inviteId: string
}

const byInvite =
  (inviteId: string) =>
  (connection: Connection): boolean =>
    (connection.context as Principal).inviteId === inviteId

const servers: CollabServer[] = []
afterEach(async () => {
  await Promise.allSettled(servers.splice(0).map((server) => server.destroy()))
})

describe('CollabServer.closeConnections', () => {
  it('closes the connections the predicate picks on every document, loading ones included; counts them', async () => {
    const store = new OneGatedDocumentStore('loading')
    const server = new CollabServer({ store, flushDelayMs: 1 })
    servers.push(server)
    const revoked = new InProcessClient(server, 'open', {}, { inviteId: 'revoked' })
    const kept = new InProcessClient(server, 'open', {}, { inviteId: 'kept' })
    const waiting = new RawClient(server, 'loading', {}, { inviteId: 'revoked' })
    await waitUntil(() => revoked.synced && kept.synced, 'both synced')
    revoked.awareness.setLocalState({ user: { name: 'Revoked' } })
    await waitUntil(() => kept.awareness.getStates().has(revoked.doc.clientID), 'the awareness arrived')
    waiting.receive(encodeUpdateMessage(Y.encodeStateAsUpdate(docWithText('queued while loading'))))

    const closed = server.closeConnections(byInvite('revoked'), CloseCode.AccessRevoked, 'Invite revoked')

    expect(closed).toBe(2)
    expect(revoked.closeCode).toBe(CloseCode.AccessRevoked)
    expect(revoked.closeReason).toBe('Invite revoked')
    expect(waiting.closeCode).toBe(CloseCode.AccessRevoked)
    expect(kept.closeCode).toBeNull()
    expect(server.connectionCount).toBe(1)
    await waitUntil(() => !kept.awareness.getStates().has(revoked.doc.clientID), 'the revoked presence was removed')
    expect(server.closeConnections(byInvite('revoked'), CloseCode.AccessRevoked, 'Invite revoked')).toBe(0)

    // The closed waiting connection never gets a byte, and what it queued is never applied.
    store.open()
    await server.flush()
    await delivered()
    expect(waiting.received).toEqual([])
    expect((await loadStoredDoc(store, 'loading')).getText('body').toString()).toBe('')
    kept.doc.getText('body').insert(0, 'still editing')
    await delivered()
    await server.flush()
    expect((await loadStoredDoc(store, 'open')).getText('body').toString()).toBe('still editing')
  })

  it('returns 0 and closes nothing when nothing matches', async () => {
    const server = new CollabServer({ store: new MemoryDocumentStore(), flushDelayMs: 1 })
    servers.push(server)
    const client = new InProcessClient(server, 'doc', {}, { inviteId: 'a' })
    await waitUntil(() => client.synced, 'synced')
    expect(server.closeConnections(() => false, CloseCode.AccessRevoked, 'x')).toBe(0)
    expect(server.closeConnections(byInvite('b'), CloseCode.AccessRevoked, 'x')).toBe(0)
    expect(client.closeCode).toBeNull()
  })
})

function docWithText(text: string): Y.Doc {
  const doc = new Y.Doc()
  doc.getText('body').insert(0, text)
  return doc
}
