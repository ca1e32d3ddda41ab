import * as Y from 'yjs'

type PendingStructs = Y.Doc['store']['pendingStructs']

/**
 * The parts of one source's updates that Yjs could not integrate yet because they depend on structs the
 * document does not have ("pending structs" and "pending deletes").
 *
 * Yjs keeps these in the document itself, shared by every source, and retries them inside whichever
 * transaction supplies the missing structs. In a server that would let one client's bad update fail, or be
 * integrated inside, another client's transaction (closing the wrong client, or relaying content back to the
 * one client that never sent it). So every source owns its pending parts: they are put into the document
 * only while that source's own update is applied, and taken out again afterwards. Between updates the
 * document holds nothing pending, so what is encoded (sync step 2, compaction) is exactly what clients see.
 */
export class PendingUpdates {
  private structs: PendingStructs = null
  private deleteSet: Uint8Array | null = null

  /** Bytes held (both parts are kept encoded). */
  get byteLength(): number {
    return (this.structs?.update.byteLength ?? 0) + (this.deleteSet?.byteLength ?? 0)
  }

  /** The structs waiting (a Yjs v2 update), if any. */
  get structsUpdate(): Uint8Array | null {
    return this.structs?.update ?? null
  }

  get isEmpty(): boolean {
    return this.structs === null && this.deleteSet === null
  }

  /**
   * Applies `update` to `doc` with this source's pending parts in place, so Yjs integrates whichever of them
   * the update completes, and keeps what is still pending afterwards (also when applying throws).
   */
  apply(doc: Y.Doc, update: Uint8Array, origin: unknown): void {
    this.while(doc, () => Y.applyUpdate(doc, update, origin))
  }

  /** Runs `action` with this source's pending parts in `doc` (e.g. to encode them along with the document). */
  while<T>(doc: Y.Doc, action: () => T): T {
    const store = doc.store
    store.pendingStructs = this.structs
    store.pendingDs = this.deleteSet
    try {
      return action()
    } finally {
      this.structs = store.pendingStructs
      this.deleteSet = store.pendingDs
      store.pendingStructs = null
      store.pendingDs = null
    }
  }

  /** Moves whatever is pending in `doc` into this holder (e.g. after loading it), leaving the document without. */
  adopt(doc: Y.Doc): void {
    const store = doc.store
    if (store.pendingStructs === null && store.pendingDs === null) return
    this.structs = store.pendingStructs
    this.deleteSet = store.pendingDs
    store.pendingStructs = null
    store.pendingDs = null
  }
}
