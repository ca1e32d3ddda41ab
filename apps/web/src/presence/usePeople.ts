import { useMemo, useSyncExternalStore } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { createSnapshotStore } from '../report/createSnapshotStore'
import type { Person } from './Person'
import { readPeople } from './readPeople'

/** The people on this report right now, updated on every awareness change. */
export function usePeople(awareness: Awareness): readonly Person[] {
  const store = useMemo(
    () =>
      createSnapshotStore(
        () => readPeople(awareness),
        (onChange) => {
          awareness.on('change', onChange)
          return () => awareness.off('change', onChange)
        },
      ),
    [awareness],
  )
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
