import * as Y from 'yjs'
import type { SavedState } from './savedState'

/** One local change waiting for the server: saved once the server's durable clock of `client` reaches `clock`. */
export interface PendingChange {
  readonly client: number
  readonly clock: number
}

export interface SavedStateTracker {
  /** The current state; a new object only when something changed (safe as a `useSyncExternalStore` snapshot). */
  getState(): SavedState
  subscribe(onChange: () => void): () => void
  /** The server's SAVED message: the state vector of everything it stored durably. */
  acknowledge(stateVector: Map<number, number>): void
  /** The server's STORAGE_FAILING message: nothing is acknowledged until the next SAVED. */
  reportFailing(reason: string): void
  /** The last STORAGE_FAILING reason, or null once storage works again. */
  failingReason(): string | null
  /** The changes still waiting, e.g. to keep them across a reload. */
  pendingChanges(): readonly PendingChange[]
  dispose(): void
}

export interface SavedStateTrackerOptions {
  /** Transactions with these origins are not local edits (the provider's remote updates, the local copy's load). */
  readonly remoteOrigins: readonly unknown[]
  /** Changes a previous page of this report left unsaved (e.g. typed offline before a reload). */
  readonly restored?: readonly PendingChange[]
}

/**
 * Counts the local update transactions of `doc` — every transaction whose origin is not one of
 * `remoteOrigins` — with the clock of `doc.clientID` each one reached, and compares them against the
 * last durable state vector the server acknowledged. A change is saved when the acknowledged clock of
 * its client is at least the clock after it (the durable-acknowledgement protocol, docs/PROTOCOL.md).
 */
export function createSavedStateTracker(doc: Y.Doc, options: SavedStateTrackerOptions): SavedStateTracker {
  const remote = new Set(options.remoteOrigins)
  let pending: PendingChange[] = [...(options.restored ?? [])]
  let acknowledged = new Map<number, number>()
  let failing: string | null = null
  let state: SavedState = { kind: 'saved', pending: 0 }
  const listeners = new Set<() => void>()

  const publish = () => {
    const kind = failing !== null ? 'failing' : pending.length > 0 ? 'unsaved' : 'saved'
    if (kind === state.kind && pending.length === state.pending) return
    state = { kind, pending: pending.length }
    listeners.forEach((listener) => listener())
  }

  const covered = (change: PendingChange) => (acknowledged.get(change.client) ?? 0) >= change.clock

  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (remote.has(origin)) return
    const change = { client: doc.clientID, clock: Y.getState(doc.store, doc.clientID) }
    // Already covered (e.g. a delete-only change after everything was saved): nothing to wait for.
    if (!covered(change)) pending.push(change)
    publish()
  }
  doc.on('update', onUpdate)
  publish()

  return {
    getState: () => state,
    subscribe(onChange) {
      listeners.add(onChange)
      return () => listeners.delete(onChange)
    },
    acknowledge(stateVector) {
      acknowledged = stateVector
      failing = null
      pending = pending.filter((change) => !covered(change))
      publish()
    },
    reportFailing(reason) {
      failing = reason
      publish()
    },
    failingReason: () => failing,
    pendingChanges: () => pending,
    dispose() {
      doc.off('update', onUpdate)
      listeners.clear()
    },
  }
}
