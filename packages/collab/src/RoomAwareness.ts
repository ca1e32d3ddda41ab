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
 * The awareness (presence, carets) of a room's clients: applies what each connection sends, relays every change
 * to the room's started connections, and removes the states a connection controlled when it leaves.
 */
export class RoomAwareness {
  readonly awareness: awarenessProtocol.Awareness
  /** The awareness client ids each connection has set, removed with it when it leaves. */
  private readonly controlledBy = new Map<Connection, Set<number>>()
  private relaying = false

  constructor(
    doc: Y.Doc,
    private readonly connections: ReadonlySet<Connection>,
    private readonly onChange: () => void,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc)
    this.awareness.setLocalState(null)
  }

  /** Starts relaying changes (once the document has loaded). */
  start(): void {
    this.relaying = true
    this.awareness.on('update', this.handleUpdate)
  }

  track(connection: Connection): void {
    this.controlledBy.set(connection, new Set())
  }

  /** Forgets a connection that left; with `removeStates`, its clients' states are removed (and relayed). */
  forget(connection: Connection, removeStates: boolean): void {
    const clientIds = this.controlledBy.get(connection)
    this.controlledBy.delete(connection)
    if (removeStates && clientIds !== undefined && clientIds.size > 0) {
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

  destroy(): void {
    if (this.relaying) this.awareness.off('update', this.handleUpdate)
    this.awareness.destroy()
  }

  private readonly handleUpdate = (changes: AwarenessChanges, origin: unknown): void => {
    const controlled = this.controlledBy.get(origin as Connection)
    if (controlled !== undefined) {
      for (const clientId of changes.added) controlled.add(clientId)
      for (const clientId of changes.updated) controlled.add(clientId)
      for (const clientId of changes.removed) controlled.delete(clientId)
    }
    const message = encodeAwarenessMessage(this.awareness, [...changes.added, ...changes.updated, ...changes.removed])
    for (const connection of this.connections) {
      if (connection.isStarted) connection.send(message)
    }
    this.onChange()
  }
}
