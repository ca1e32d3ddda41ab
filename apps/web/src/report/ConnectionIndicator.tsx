import type { WebsocketProvider } from 'y-websocket'
import type { ConnectionState } from './connectionState'
import { useConnectionState } from './useConnectionState'

const LABELS: Record<ConnectionState, { readonly text: string; readonly hint: string }> = {
  connected: { text: 'Connected', hint: 'Every change is shared and saved.' },
  reconnecting: {
    text: 'Reconnecting…',
    hint: 'Not connected to the server. Keep this tab open: your edits stay here and are sent when the connection is back.',
  },
  offline: {
    text: 'Offline',
    hint: 'This device has no network. Keep this tab open: your edits stay here and are sent when you are back online.',
  },
}

/** Shows whether edits are reaching the server; `data-connection` carries the machine-readable state. */
export function ConnectionIndicator({ provider }: { readonly provider: WebsocketProvider }) {
  const state = useConnectionState(provider)
  const label = LABELS[state]
  return (
    <span className="connection" data-connection={state} title={label.hint} role="status" aria-live="polite">
      <span className="connection__dot" aria-hidden="true" />
      {label.text}
    </span>
  )
}
