import * as awarenessProtocol from 'y-protocols/awareness'
import type * as Y from 'yjs'
import type { Connection } from './Connection.js'
import { encodeAwarenessMessage } from './messages.js'
import { validateAwarenessUpdate } from './validateAwarenessUpdate.js'

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
 */
export class RoomAwareness {
  readonly awareness: awarenessProtocol.Awareness
  /** The awareness client ids each connection has set, removed with it when it leaves. */
  private readonly controlledBy = new Map<Connection, Set<number>>()
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
    if (this.relaying && clientIds !== undefined && clientIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...clientIds], null)
    }
  }

  /** Applies an awareness update a connection sent (throws on a malformed one). */
  receive(connection: Connection, update: Uint8Array): void {
    validateAwarenessUpdate(update)
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, connection)
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

  private readonly flushLater = (): void => {
    this.timer = null
    this.flush()
  }

  private readonly handleUpdate = (changes: AwarenessChanges, origin: unknown): void => {
    const controlled = this.controlledBy.get(origin as Connection)
    if (controlled !== undefined) {
      for (const clientId of changes.added) controlled.add(clientId)
      for (const clientId of changes.updated) controlled.add(clientId)
      for (const clientId of changes.removed) controlled.delete(clientId)
    }
    for (const clientId of changes.added) this.changed.add(clientId)
    for (const clientId of changes.updated) this.changed.add(clientId)
    for (const clientId of changes.removed) this.changed.add(clientId)
    if (this.batchMs === 0) this.flush()
    else this.timer ??= setTimeout(this.flushLater, this.batchMs)
    this.onChange()
  }
}
