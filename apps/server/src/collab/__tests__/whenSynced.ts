import type { WebsocketProvider } from 'y-websocket'

/** Resolves once the provider has completed its sync with the server (at once if it already has). */
export function whenSynced(provider: WebsocketProvider): Promise<void> {
  if (provider.synced) return Promise.resolve()
  return new Promise((resolve) => {
    const onSync = (isSynced: boolean): void => {
      if (!isSynced) return
      provider.off('sync', onSync)
      resolve()
    }
    provider.on('sync', onSync)
  })
}
