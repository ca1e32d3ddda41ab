import type { WebsocketProvider } from 'y-websocket'
import { createSnapshotStore, type SnapshotStore } from './createSnapshotStore'

/** The server's final close of the report's connection (code + reason), after which nobody reconnects. */
export interface ConnectionClosure {
  readonly code: number
  readonly reason: string
}

/**
 * Records the provider's `closed` event, which the stock client emits when the server closes with a
 * 44xx code and it gives up reconnecting. Listens from creation, before the first socket opens.
 */
export function createConnectionClosure(provider: WebsocketProvider): SnapshotStore<ConnectionClosure | null> & { dispose(): void } {
  let closure: ConnectionClosure | null = null
  const listeners = new Set<() => void>()
  const onClosed = (event: { code: number; reason: string }) => {
    closure = { code: event.code, reason: event.reason }
    listeners.forEach((listener) => listener())
  }
  provider.on('closed', onClosed)
  const store = createSnapshotStore(
    () => closure,
    (onChange) => {
      listeners.add(onChange)
      return () => listeners.delete(onChange)
    },
  )
  return { ...store, dispose: () => provider.off('closed', onClosed) }
}
