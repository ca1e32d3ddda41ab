import { IndexeddbPersistence } from 'y-indexeddb'
import type * as Y from 'yjs'

/** How long to wait for IndexedDB before going on without it (blocked storage never answers). */
const LOCAL_COPY_TIMEOUT_MS = 5_000

export interface LocalCopy {
  /** The origin of the transactions that load the stored copy into the document (not local edits). */
  readonly origin: unknown
  /** Resolves once the stored copy is in the document, or once waiting for it gave up. */
  readonly loaded: Promise<void>
  destroy(): void
}

/**
 * Keeps `doc` in IndexedDB as `rapporteur:<roundtableId>` (a writer's copy) or `rapporteur:<roundtableId>:read`
 * (a reader's, which holds quote names withheld): every change is written there, and what an earlier page stored
 * (typed offline, or not yet saved by the server) comes back on load, before the provider connects.
 */
export function openLocalCopy(roundtableId: string, doc: Y.Doc, kind: 'writer' | 'reader'): LocalCopy {
  const name = kind === 'writer' ? `rapporteur:${roundtableId}` : `rapporteur:${roundtableId}:read`
  const persistence = new IndexeddbPersistence(name, doc)
  let timer: ReturnType<typeof setTimeout> | undefined
  const gaveUp = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, LOCAL_COPY_TIMEOUT_MS)
  })
  const loaded = Promise.race([persistence.whenSynced.then(() => undefined), gaveUp]).finally(() => clearTimeout(timer))
  return {
    origin: persistence,
    loaded,
    destroy() {
      clearTimeout(timer)
      void persistence.destroy()
    },
  }
}
