import { readReportReady, reportMeta, type ReportReadiness } from '@rapporteur/template'
import { useMemo, useSyncExternalStore } from 'react'
import type * as Y from 'yjs'
import { createSnapshotStore } from './createSnapshotStore'

/** Whether the report is marked ready for the closing session (`meta.ready`/`readyBy`), live. */
export function useReportReadiness(doc: Y.Doc): ReportReadiness | null {
  const store = useMemo(() => {
    const meta = reportMeta(doc)
    return createSnapshotStore(
      () => readReportReady(doc),
      (onChange) => {
        meta.observe(onChange)
        return () => meta.unobserve(onChange)
      },
    )
  }, [doc])
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
