import { useCallback, useSyncExternalStore } from 'react'
import { readConnectionState, type ConnectionState } from './connectionState'
import { useConnectionClosure } from './useConnectionClosure'
import type { ReportConnection } from './useReportConnection'

/** Follows the provider's `status`/`sync` events, its final close, and the browser's online/offline events. */
export function useConnectionState(connection: ReportConnection): ConnectionState {
  const { provider } = connection
  const closed = useConnectionClosure(connection) !== null
  const subscribe = useCallback(
    (onChange: () => void) => {
      provider.on('status', onChange)
      provider.on('sync', onChange)
      window.addEventListener('online', onChange)
      window.addEventListener('offline', onChange)
      return () => {
        provider.off('status', onChange)
        provider.off('sync', onChange)
        window.removeEventListener('online', onChange)
        window.removeEventListener('offline', onChange)
      }
    },
    [provider],
  )
  return useSyncExternalStore(subscribe, () => readConnectionState(provider, navigator.onLine, closed))
}
