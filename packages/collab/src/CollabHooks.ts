import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import type { Connection } from './Connection.js'
import type { ChangeOrigin } from './UpdateOrigin.js'

/**
 * Observers of the open documents, for glue that watches them (the server's report monitor). Every hook is
 * called synchronously from the document's room, on the relay path, so it must be cheap: note what changed
 * and do the work later. A hook that throws is logged (error) and otherwise ignored; it never affects
 * clients, relaying or storage. The `doc` and `awareness` given are the room's own: read them, never write.
 */
export interface CollabHooks {
  /**
   * A document was built from the store and is open. A document stored as one vouched-for record is built only
   * once something needs it (see `CollabServerOptions.buildOnDemand`); until then only `onConnectionsChange` and
   * `onAwarenessChange` are called for it.
   */
  onDocumentLoad?(documentName: string, doc: Y.Doc): void
  /**
   * A document's room serves its connections: built (just before `onDocumentLoad`), or dormant until something
   * needs the document (see `CollabServerOptions.buildOnDemand`).
   */
  onDocumentOpen?(documentName: string): void
  /**
   * An open document changed (after the update was applied and relayed), whoever wrote it: `origin` is the
   * connection that sent it, or the named origin it was applied with (`CollabServer.applyUpdate`).
   */
  onDocumentChange?(documentName: string, doc: Y.Doc, origin: ChangeOrigin): void
  /**
   * The update just applied to an open document (as Yjs integrated it: what every replica needs to receive), with
   * its origin; called just before `onDocumentChange`. For glue that forwards updates (to other instances): an
   * update whose origin is `peer` came from there.
   */
  onDocumentUpdate?(documentName: string, update: Uint8Array, origin: ChangeOrigin): void
  /** The awareness states of an open document changed (added, updated or removed clients). */
  onAwarenessChange?(documentName: string, awareness: Awareness): void
  /**
   * A connection joined or left a document (connections waiting for the load included); `connections` is
   * the document's connections now, a fresh array (read each one's `context` and `readOnly`).
   */
  onConnectionsChange?(documentName: string, connections: readonly Connection[]): void
  /** A loaded document is about to leave memory (after storing what it received, unless the server is being destroyed after a failed write). Not called for failed loads. */
  onDocumentUnload?(documentName: string, doc: Y.Doc): void
  /** A room that was open (`onDocumentOpen`) is gone: unloaded (after `onDocumentUnload`), left while dormant, or failed. */
  onDocumentClose?(documentName: string): void
}
