import * as Y from 'yjs'
import type { Connection } from './Connection.js'
import { isLiveOwner } from './isLiveOwner.js'
import type { StructEnds } from './validateUpdate.js'

/** The connection a client id is bound to, and the clock just past the last struct of that id it sent. */
interface Binding {
  readonly connection: Connection
  sentEnd: number
}

/** Client id 0 is the server's own writes (e.g. the quote names set again); never bound. */
const serverClientId = 0

/**
 * Which writer connection owns which Yjs client id, so that no connection can create structs under another live
 * client's id (the honest client would diverge: the server keeps the forgery and ignores its real structs).
 *
 * - **Bound by a live edit.** A connection's update message (sync type 2, not sync step 2) whose structs are all of
 *   one client id, some of them new to the server (ending past `Y.getState`), binds that id to the connection
 *   unless another live connection owns it. A local Yjs transaction only ever creates structs of its own
 *   `doc.clientID`; sync step 2 and updates of several clients carry what a client forwards (the offline sync, the
 *   crash recovery: edits of others the server lost), so they never bind.
 * - **Refused.** An update (step 2 or update) from another connection holding structs of an owned id that end past
 *   both the server's state of that id and what the owner itself has sent of it (`sentEnd`, pending parts
 *   included) is refused. Structs below that are ones the owner holds — re-sends, or the server's lost edits that
 *   a peer re-sends while the owner's own re-send is still pending — and pass.
 * - **Released** when the owner closes; an owner that is closing, or of the claimer's own `limitKey`, no longer
 *   counts (see `isLiveOwner`). The server's client ids (0 and the room's `doc.clientID`) are never bound.
 *
 * The check is one map look-up per client of the update (`validateUpdate` already found where its structs end).
 */
export class ClientIdBindings {
  private readonly bindings = new Map<number, Binding>()

  constructor(private readonly doc: Y.Doc) {}

  /** The client id whose owner `connection`'s update would write over, or null if it may be applied. */
  takenClientId(connection: Connection, ends: StructEnds): number | null {
    for (const [clientId, end] of ends) {
      const binding = this.bindings.get(clientId)
      if (binding === undefined || !isLiveOwner(binding.connection, connection)) continue
      if (end > Math.max(Y.getState(this.doc.store, clientId), binding.sentEnd)) return clientId
    }
    return null
  }

  /** The client id an update about to be applied binds (see above), or null. Read before applying it. */
  claimedClientId(ends: StructEnds, isLiveEdit: boolean): number | null {
    if (!isLiveEdit || ends.size !== 1) return null
    const [clientId, end] = ends.entries().next().value as [number, number]
    if (clientId === serverClientId || clientId === this.doc.clientID) return null
    return end > Y.getState(this.doc.store, clientId) ? clientId : null
  }

  /** Records an update `connection` sent that was applied: what it sent of its ids, and the id it `claimed`. */
  applied(connection: Connection, ends: StructEnds, claimed: number | null): void {
    if (!connection.isOpen) return
    for (const [clientId, end] of ends) {
      const binding = this.bindings.get(clientId)
      if (binding?.connection === connection) binding.sentEnd = Math.max(binding.sentEnd, end)
      else if (clientId === claimed && (binding === undefined || !isLiveOwner(binding.connection, connection))) {
        this.bindings.set(clientId, { connection, sentEnd: end })
      }
    }
  }

  /** Releases the ids `connection` owned (it closed). */
  release(connection: Connection): void {
    for (const [clientId, binding] of this.bindings) {
      if (binding.connection === connection) this.bindings.delete(clientId)
    }
  }
}
