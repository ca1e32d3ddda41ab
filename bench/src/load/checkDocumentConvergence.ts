import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import * as Y from 'yjs'
import { documentText } from '../documentText.js'
import type { RunningServer } from '../servers/ServerUnderTest.js'
import { LightClient } from './LightClient.js'

const SYNC_TIMEOUT_MS = 15_000
/** After its sync step 2, how long a fresh client may keep receiving before its copy must be complete. */
const SETTLE_MS = 2_000
const SETTLE_POLL_MS = 100

/** The document every update in `updates` makes, applied in order. */
export function docFromUpdates(updates: Iterable<Uint8Array>): Y.Doc {
  const doc = new Y.Doc()
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update)
  })
  return doc
}

function stateVectorText(doc: Y.Doc): string {
  return JSON.stringify([...Y.decodeStateVector(Y.encodeStateVector(doc))].sort((a, b) => a[0] - b[0]))
}

/** What differs between the observer's copy and the server's (fresh) copy, or null when they are the same. */
function difference(
  documentName: string,
  observed: Y.Doc,
  fresh: Y.Doc,
  typistClocks: ReadonlyMap<number, number>,
): string | null {
  for (const [clientId, clock] of typistClocks) {
    const held = Y.getState(fresh.store, clientId)
    if (held !== clock) return `${documentName}: server holds clock ${held} of typist ${clientId}, typed up to ${clock}`
  }
  if (stateVectorText(observed) !== stateVectorText(fresh)) {
    return `${documentName}: the observer's state vector differs from the server's`
  }
  if (documentText(observed) !== documentText(fresh)) return `${documentName}: the observer's text differs from the server's`
  return null
}

/**
 * After typing stops: the observer's document (every update it received, applied) must equal the server's
 * copy as a fresh client syncs it, and hold every struct each typist made (`typistClocks`: client id → next
 * clock). The fresh client's copy is its sync step 2 plus whatever the server sends within 2 s after it (a
 * server may answer with a stored state first and the rest right after). Returns null when it converged,
 * otherwise what differs.
 */
export async function checkDocumentConvergence(
  server: RunningServer,
  documentName: string,
  observerUpdates: Iterable<Uint8Array>,
  typistClocks: ReadonlyMap<number, number>,
): Promise<string | null> {
  const observed = docFromUpdates(observerUpdates)
  const client = new LightClient({ server, documentName, keepUpdates: true })
  try {
    const timeout = sleep(SYNC_TIMEOUT_MS, undefined, { ref: false }).then(() => {
      throw new Error(`a fresh client of ${documentName} did not sync within ${SYNC_TIMEOUT_MS} ms`)
    })
    await Promise.race([client.synced, timeout])
    const deadline = performance.now() + SETTLE_MS
    for (;;) {
      const fresh = docFromUpdates(client.updates)
      const problem = difference(documentName, observed, fresh, typistClocks)
      fresh.destroy()
      if (problem === null || performance.now() >= deadline) return problem
      await sleep(SETTLE_POLL_MS)
    }
  } finally {
    observed.destroy()
    await client.closed()
  }
}
