import type { WebsocketProvider } from 'y-websocket'

/**
 * Disconnects the provider when the browser goes offline and reconnects when it is back (unless
 * `mayConnect` says the server closed the connection for good). A socket the browser keeps open while
 * offline (Chromium's offline emulation does) must not carry edits the page shows as kept locally.
 */
export function followNetwork(provider: WebsocketProvider, mayConnect: () => boolean): () => void {
  const onOffline = () => provider.disconnect()
  const onOnline = () => {
    if (mayConnect()) provider.connect()
  }
  window.addEventListener('offline', onOffline)
  window.addEventListener('online', onOnline)
  return () => {
    window.removeEventListener('offline', onOffline)
    window.removeEventListener('online', onOnline)
  }
}
