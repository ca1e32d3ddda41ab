import { reportMeta } from '@rapporteur/template'
import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { createSnapshotStore } from './createSnapshotStore'

/** The report's header fields (`meta` map) as a plain object, live. */
export function useMetaValues(doc: Y.Doc): Readonly<Record<string, string>> {
  const store = useMemo(() => {
    const meta = reportMeta(doc)
    return createSnapshotStore(
      () => {
        const values: Record<string, string> = {}
        meta.forEach((value, key) => {
          if (typeof value === 'string') values[key] = value
        })
        return values
      },
      (onChange) => {
        meta.observe(onChange)
        return () => meta.unobserve(onChange)
      },
    )
  }, [doc])
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
