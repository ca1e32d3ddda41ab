import { afterEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import type { CollabHooks } from '../CollabHooks.js'
import { CollabServer } from '../CollabServer.js'
import { MemoryDocumentStore } from '../MemoryDocumentStore.js'
import { InProcessClient } from './InProcessClient.js'
import { RecordingLogger } from './RecordingLogger.js'
import { waitUntil } from './waitUntil.js'

interface HookCall {
  hook: string
  name: string
  detail: string
}

/** Hooks that record each call, with what the hook could read at that moment. */
function recordingHooks(calls: HookCall[]): Required<CollabHooks> {
  const text = (doc: Y.Doc): string => doc.getText('body').toString()
  return {
    onDocumentLoad: (name, doc) => calls.push({ hook: 'load', name, detail: text(doc) }),
    onDocumentChange: (name, doc) => calls.push({ hook: 'change', name, detail: text(doc) }),
    // Told the update before each change (see updateOrigin.test.ts); not recorded here.
    onDocumentUpdate: () => undefined,
    onAwarenessChange: (name, awareness) => {
      const names = [...awareness.getStates().values()].map((state) => (state as { name?: string }).name)
      calls.push({ hook: 'awareness', name, detail: names.join(',') })
    },
    onConnectionsChange: (name, connections) =>
      calls.push({ hook: 'connections', name, detail: connections.map((connection) => String(connection.context)).join(',') }),
    onDocumentUnload: (name, doc) => calls.push({ hook: 'unload', name, detail: text(doc) }),
    onDocumentOpen: (name) => calls.push({ hook: 'open', name, detail: '' }),
    onDocumentClose: (name) => calls.push({ hook: 'close', name, detail: '' }),
  }
}

const servers: CollabServer[] = []
afterEach(async () => {
  await Promise.allSettled(servers.splice(0).map((server) => server.destroy()))
})

describe('CollabServer hooks', () => {
  it('report load, changes, awareness, connections (with their context) and unload of a document', async () => {
    const calls: HookCall[] = []
    const store = new MemoryDocumentStore()
    const server = new CollabServer({ store, flushDelayMs: 1, hooks: recordingHooks(calls) })
    servers.push(server)

    const writer = new InProcessClient(server, 'doc', {}, 'writer')
    const reader = new InProcessClient(server, 'doc', { readOnly: true }, 'reader')
    await waitUntil(() => writer.synced && reader.synced, 'both clients synced')
    expect(calls.filter((call) => call.hook === 'connections').map((call) => call.detail)).toEqual(['writer', 'writer,reader'])
    expect(calls.filter((call) => call.hook === 'load')).toEqual([{ hook: 'load', name: 'doc', detail: '' }])
    // Opened just before it was built.
    expect(calls.findIndex((call) => call.hook === 'open')).toBe(calls.findIndex((call) => call.hook === 'load') - 1)

    writer.doc.getText('body').insert(0, 'hello')
    await waitUntil(() => calls.some((call) => call.hook === 'change'), 'the change hook ran')
    // Called after the update was applied, so the hook reads the new content.
    expect(calls.find((call) => call.hook === 'change')).toEqual({ hook: 'change', name: 'doc', detail: 'hello' })

    writer.awareness.setLocalState({ name: 'Amina' })
    await waitUntil(() => calls.some((call) => call.hook === 'awareness' && call.detail === 'Amina'), 'the awareness hook ran')

    reader.disconnect()
    writer.disconnect()
    await waitUntil(() => calls.some((call) => call.hook === 'unload'), 'the document unloaded')
    const connectionCalls = calls.filter((call) => call.hook === 'connections').map((call) => call.detail)
    expect(connectionCalls.slice(-2)).toEqual(['writer', ''])
    // Leaving removes the writer's awareness state, and the hook sees it gone.
    expect(calls.filter((call) => call.hook === 'awareness').at(-1)?.detail).toBe('')
    expect(calls.slice(-2)).toEqual([
      { hook: 'unload', name: 'doc', detail: 'hello' },
      { hook: 'close', name: 'doc', detail: '' },
    ])
    expect(server.openDocumentCount).toBe(0)
  })

  it('ignore (and log) a hook that throws: the update is still relayed and stored', async () => {
    const logger = new RecordingLogger()
    const store = new MemoryDocumentStore()
    const server = new CollabServer({
      store,
      logger,
      flushDelayMs: 1,
      hooks: {
        onDocumentChange: () => {
          throw new Error('hook failed')
        },
      },
    })
    servers.push(server)
    const writer = new InProcessClient(server, 'doc')
    const other = new InProcessClient(server, 'doc')
    await waitUntil(() => writer.synced && other.synced, 'both clients synced')

    writer.doc.getText('body').insert(0, 'still relayed')
    await waitUntil(() => other.doc.getText('body').toString() === 'still relayed', 'the other client received the edit')
    expect(writer.closeCode).toBeNull()
    expect(logger.at('error').map((line) => line.fields.hook)).toContain('onDocumentChange')
    await server.flush()
    expect((await store.load('doc')).length).toBeGreaterThan(0)
  })
})
