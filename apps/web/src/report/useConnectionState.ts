import { useCallback, useSyncExternalStore } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import { readConnectionState, type ConnectionState } from './connectionState'

/** Follows the provider's `status`/`sync` events and the browser's online/offline events. */
export function useConnectionState(provider: WebsocketProvider): ConnectionState {
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
  return useSyncExternalStore(subscribe, () => readConnectionState(provider, navigator.onLine))
}
