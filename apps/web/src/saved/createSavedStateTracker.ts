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
  /** The server's SAVED_THROUGH message: every local change numbered up to `seq` is durable. */
  acknowledgeThrough(seq: number): void
  /** The server's STORAGE_FAILING message: nothing is acknowledged until the next SAVED. */
  reportFailing(reason: string): void
  /** The last STORAGE_FAILING reason, or null once storage works again. */
  failingReason(): string | null
  /** The changes still waiting, e.g. to keep them across a reload. */
  pendingChanges(): readonly PendingChange[]
  /**
   * Asks again (`requestSave`) for the latest waiting change of this page, if any — right after each (re)sync,
   * when the server holds everything this page typed.
   */
  requestPendingSave(): void
  dispose(): void
}

export interface SavedStateTrackerOptions {
  /** Transactions with these origins are not local edits (the provider's remote updates, the local copy's load). */
  readonly remoteOrigins: readonly unknown[]
  /** Changes a previous page of this report left unsaved (e.g. typed offline before a reload). */
  readonly restored?: readonly PendingChange[]
  /**
   * Sends SAVE_REQUEST `seq` to the server if it can (connected and synced; otherwise the next sync asks via
   * `requestPendingSave`). Called once after a burst of local transactions (coalesced to the next task) with
   * the latest change's number.
   */
  readonly requestSave?: (seq: number) => void
}

/** A waiting change: `seq` numbers this page's local transactions (null for a change restored from a reload). */
interface TrackedChange extends PendingChange {
  readonly seq: number | null
  /** False for a change that did not advance the clock (it only deleted): a state vector cannot cover it. */
  readonly advancedClock: boolean
}

/**
 * Counts the local update transactions of `doc` — every transaction whose origin is not one of
 * `remoteOrigins` — numbering each (`seq`) and noting the clock of `doc.clientID` it reached. A change is saved
 * when the server's SAVED_THROUGH reached its number, or when the last SAVED state vector covers its clock and
 * the change advanced that clock (a delete-only change does not; see docs/PROTOCOL.md, "Durable
 * acknowledgement"). Changes restored from an earlier page are numbered too, and cleared by SAVED_THROUGH only.
 */
export function createSavedStateTracker(doc: Y.Doc, options: SavedStateTrackerOptions): SavedStateTracker {
  const remote = new Set(options.remoteOrigins)
  let lastSeq = 0
  // A restored change may be delete-only, so only SAVED_THROUGH may clear it: the first request after the sync
  // that resends it (the next sync asks for every waiting change) covers it exactly.
  let pending: TrackedChange[] = (options.restored ?? []).map((change) => ({
    client: change.client,
    clock: change.clock,
    seq: ++lastSeq,
    advancedClock: false,
  }))
  let acknowledged = new Map<number, number>()
  let savedThrough = 0
  let requestTimer: ReturnType<typeof setTimeout> | undefined
  let failing: string | null = null
  let state: SavedState = { kind: 'saved', pending: 0 }
  const listeners = new Set<() => void>()

  const publish = () => {
    const kind = failing !== null ? 'failing' : pending.length > 0 ? 'unsaved' : 'saved'
    if (kind === state.kind && pending.length === state.pending) return
    state = { kind, pending: pending.length }
    listeners.forEach((listener) => listener())
  }

  const isSaved = (change: TrackedChange) =>
    (change.seq !== null && savedThrough >= change.seq) ||
    (change.advancedClock && (acknowledged.get(change.client) ?? 0) >= change.clock)

  const latestPendingSeq = () => {
    let latest = 0
    for (const change of pending) if (change.seq !== null && change.seq > latest) latest = change.seq
    return latest
  }

  const requestPendingSave = () => {
    clearTimeout(requestTimer)
    requestTimer = undefined
    const seq = latestPendingSeq()
    if (seq > 0) options.requestSave?.(seq)
  }

  const onUpdate = (_update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    if (remote.has(origin)) return
    const clock = Y.getState(doc.store, doc.clientID)
    const before = transaction.beforeState.get(doc.clientID) ?? 0
    pending.push({ client: doc.clientID, clock, seq: ++lastSeq, advancedClock: clock > before })
    if (options.requestSave !== undefined) requestTimer ??= setTimeout(requestPendingSave, 0)
    publish()
  }
  doc.on('update', onUpdate)
  publish()

  const settle = () => {
    pending = pending.filter((change) => !isSaved(change))
    publish()
  }

  return {
    getState: () => state,
    subscribe(onChange) {
      listeners.add(onChange)
      return () => listeners.delete(onChange)
    },
    acknowledge(stateVector) {
      acknowledged = stateVector
      failing = null
      settle()
    },
    acknowledgeThrough(seq) {
      if (seq <= savedThrough) return
      savedThrough = seq
      settle()
    },
    reportFailing(reason) {
      failing = reason
      publish()
    },
    failingReason: () => failing,
    pendingChanges: () => pending.map(({ client, clock }) => ({ client, clock })),
    requestPendingSave,
    dispose() {
      clearTimeout(requestTimer)
      doc.off('update', onUpdate)
      listeners.clear()
    },
  }
}
