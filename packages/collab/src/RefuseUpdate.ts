import type * as Y from 'yjs'

/** Why an update is refused: the close code and reason its connection is closed with. */
export interface UpdateRefusal {
  readonly code: number
  readonly reason: string
}

/**
 * Decides, for a validated writer update about to be applied, whether to refuse it (`CollabServerOptions.refuseUpdate`):
 * a refusal, or null to apply it. `doc` is the room's document (read it only); `context` the connection's.
 */
export type RefuseUpdate = (update: Uint8Array, doc: Y.Doc, documentName: string, context: unknown) => UpdateRefusal | null
