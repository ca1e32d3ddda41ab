import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import type * as Y from 'yjs'
import type { Connection } from './Connection.js'
import { isLiveOwner } from './isLiveOwner.js'
import { encodeAwarenessMessage } from './messages.js'
import { validateAwarenessUpdate, type AwarenessEntry } from './validateAwarenessUpdate.js'

/** Awareness changes as y-protocols reports them. */
interface AwarenessChanges {
  added: number[]
  updated: number[]
  removed: number[]
}

/**
 * The awareness (presence, carets) of a room's clients: applies what each connection sends, relays the changes
 * to the room's started connections, and removes the states a connection controlled when it leaves.
 *
 * Changes are relayed in batches: the clients changed since the last relay go, with their latest states, in one
 * message, sent just before the room's next document update (so both leave in the same write to each socket)
 * or `batchMs` after the first change, whichever comes first. With fifty people typing, each keystroke's caret
 * no longer costs a write to every socket of its own, and a caret is never more than `batchMs` late.
 *
 * Each connection owns one awareness id: the first client id it sets a state for that no other live connection
 * owns (a stock client's first awareness message is its own state, under its `doc.clientID`). Entries other
 * connections send for an owned id — states and removals alike — are dropped, the rest of their message applied:
 * stock clients echo every state they receive and remove states they think timed out, so such entries come from
 * honest clients too, and closing them for it would be wrong. Released when the owner leaves; an owner that is
 * closing, or of the sender's `limitKey`, no longer counts (see `isLiveOwner`).
 */
export class RoomAwareness {
  readonly awareness: awarenessProtocol.Awareness
  /** The awareness client ids each connection has set, removed with it when it leaves. */
  private readonly controlledBy = new Map<Connection, Set<number>>()
  /** The connection that last set each client id's state (whose leaving removes it). */
  private readonly controller = new Map<number, Connection>()
  /** Each connection's own awareness id, and the reverse. */
  private readonly ownerOf = new Map<number, Connection>()
  private readonly ownIdOf = new Map<Connection, number>()
  private relaying = false
  /** Clients whose state changed since the last relay. */
  private readonly changed = new Set<number>()
  private timer: ReturnType<typeof setTimeout> | null = null

  constructor(
    doc: Y.Doc,
    private readonly connections: ReadonlySet<Connection>,
    private readonly onChange: () => void,
    private readonly batchMs: number,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc)
    this.awareness.setLocalState(null)
  }

  /** Starts relaying changes (once the room serves its connections). */
  start(): void {
    if (this.relaying) return
    this.relaying = true
    this.awareness.on('update', this.handleUpdate)
  }

  track(connection: Connection): void {
    this.controlledBy.set(connection, new Set())
  }

  /** Forgets a connection that left; once relaying, its clients' states are removed (and relayed). */
  forget(connection: Connection): void {
    const clientIds = this.controlledBy.get(connection)
    this.controlledBy.delete(connection)
    const ownId = this.ownIdOf.get(connection)
    this.ownIdOf.delete(connection)
    if (ownId !== undefined && this.ownerOf.get(ownId) === connection) this.ownerOf.delete(ownId)
    for (const clientId of clientIds ?? []) {
      if (this.controller.get(clientId) === connection) this.controller.delete(clientId)
    }
    if (this.relaying && clientIds !== undefined && clientIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...clientIds], null)
    }
  }

  /**
   * Applies an awareness update a connection sent (throws on a malformed one), without its entries for client ids
   * other live connections own.
   */
  receive(connection: Connection, update: Uint8Array): void {
    const entries = validateAwarenessUpdate(update)
    const allowed = entries.filter((entry) => !this.isOwnedByAnother(entry.clientId, connection))
    if (allowed.length === 0) return
    const kept = allowed.length === entries.length ? update : encodeAwarenessEntries(allowed)
    awarenessProtocol.applyAwarenessUpdate(this.awareness, kept, connection)
    if (!connection.isOpen || this.ownIdOf.has(connection)) return
    const own = allowed.find((entry) => entry.state !== 'null')
    if (own === undefined) return
    const previous = this.ownerOf.get(own.clientId)
    if (previous !== undefined) this.ownIdOf.delete(previous)
    this.ownerOf.set(own.clientId, connection)
    this.ownIdOf.set(connection, own.clientId)
  }

  private isOwnedByAnother(clientId: number, connection: Connection): boolean {
    const owner = this.ownerOf.get(clientId)
    return owner !== undefined && isLiveOwner(owner, connection)
  }

  /** Every known state, as one message (the answer to a query; empty when nobody is present). */
  statesMessage(): Uint8Array {
    return encodeAwarenessMessage(this.awareness, [...this.awareness.getStates().keys()])
  }

  /** Every known state, as one message; null when nobody is present (a new connection's greeting). */
  everyoneMessage(): Uint8Array | null {
    return this.awareness.getStates().size > 0 ? this.statesMessage() : null
  }

  /** Relays the changes not relayed yet, now (the room calls it before relaying a document update). */
  flush(): void {
    if (this.timer !== null) {
      clearTimeout(this.timer)
      this.timer = null
    }
    if (this.changed.size === 0) return
    const message = encodeAwarenessMessage(this.awareness, [...this.changed])
    this.changed.clear()
    for (const connection of this.connections) {
      if (connection.isStarted) connection.send(message)
    }
  }

  destroy(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.changed.clear()
    if (this.relaying) this.awareness.off('update', this.handleUpdate)
    this.relaying = false
    this.awareness.destroy()
  }

  /** `connection` set `clientId`'s state: its leaving removes it (and no longer the previous setter's). */
  private control(clientId: number, connection: Connection, controlled: Set<number>): void {
    const previous = this.controller.get(clientId)
    if (previous !== undefined && previous !== connection) this.controlledBy.get(previous)?.delete(clientId)
    this.controller.set(clientId, connection)
    controlled.add(clientId)
  }

  private readonly flushLater = (): void => {
    this.timer = null
    this.flush()
  }

  private readonly handleUpdate = (changes: AwarenessChanges, origin: unknown): void => {
    const connection = origin as Connection
    const controlled = this.controlledBy.get(connection)
    for (const clientId of changes.removed) {
      const previous = this.controller.get(clientId)
      if (previous !== undefined) this.controlledBy.get(previous)?.delete(clientId)
      this.controller.delete(clientId)
    }
    if (controlled !== undefined) {
      for (const clientId of changes.added) this.control(clientId, connection, controlled)
      for (const clientId of changes.updated) this.control(clientId, connection, controlled)
    }
    for (const clientId of changes.added) this.changed.add(clientId)
    for (const clientId of changes.updated) this.changed.add(clientId)
    for (const clientId of changes.removed) this.changed.add(clientId)
    if (this.batchMs === 0) this.flush()
    else this.timer ??= setTimeout(this.flushLater, this.batchMs)
    this.onChange()
  }
}

/** An awareness update holding `entries` (in y-protocols' encoding). */
function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, entry.state)
  }
  return encoding.toUint8Array(encoder)
}
