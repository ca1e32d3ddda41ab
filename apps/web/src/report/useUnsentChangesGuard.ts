import { useEffect } from 'react'
import type { ReportConnection } from './useReportConnection'

/**
 * Asks before leaving the page while local edits made without a connection have not reached the
 * server yet: they live only in this tab until it reconnects.
 */
export function useUnsentChangesGuard(connection: ReportConnection | null): void {
  useEffect(() => {
    if (connection === null) return
    const { doc, provider } = connection
    let unsent = false
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin !== provider && !(provider.wsconnected && provider.synced)) unsent = true
    }
    // A completed sync exchanges both sides' missing updates, the unsent ones included.
    const onSync = (synced: boolean) => {
      if (synced) unsent = false
    }
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (unsent) event.preventDefault()
    }
    doc.on('update', onUpdate)
    provider.on('sync', onSync)
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => {
      doc.off('update', onUpdate)
      provider.off('sync', onSync)
      window.removeEventListener('beforeunload', onBeforeUnload)
    }
  }, [connection])
}
