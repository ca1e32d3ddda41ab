/** A `useSyncExternalStore` source over a mutable object (awareness, a Y type) with a cached snapshot. */
export interface SnapshotStore<T> {
  readonly subscribe: (onChange: () => void) => () => void
  readonly getSnapshot: () => T
}

/**
 * `read` derives an immutable snapshot; `listen` reports changes of the underlying source.
 * The snapshot is recomputed only after a change, so React sees a stable value in between.
 */
export function createSnapshotStore<T>(
  read: () => T,
  listen: (onSourceChange: () => void) => () => void,
): SnapshotStore<T> {
  let snapshot: T | undefined
  let stale = true
  return {
    subscribe(onChange) {
      // Changes may have happened while nobody listened.
      stale = true
      return listen(() => {
        stale = true
        onChange()
      })
    },
    getSnapshot() {
      if (stale || snapshot === undefined) {
        snapshot = read()
        stale = false
      }
      return snapshot
    },
  }
}
