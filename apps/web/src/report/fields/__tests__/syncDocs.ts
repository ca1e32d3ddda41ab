import * as Y from 'yjs'

/** Origin of updates a test relays between two documents, as the provider would. */
export const REMOTE = Symbol('remote')

/** Sends `to` what `from` has that it lacks: one network delivery. */
export function syncDocs(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)), REMOTE)
}
