import type { ConnectionState } from './connectionState'
import { useConnectionState } from './useConnectionState'
import type { ReportConnection } from './useReportConnection'

const LABELS: Record<ConnectionState, { readonly text: string; readonly hint: string }> = {
  connected: { text: 'Connected', hint: 'Changes are shared with co-authors as you type; the saved state below says what the server has stored.' },
  reconnecting: {
    text: 'Reconnecting…',
    hint: 'Not connected to the server. Keep this tab open: your edits stay here and are sent when the connection is back.',
  },
  offline: {
    text: 'Offline',
    hint: 'This device has no network. Keep this tab open: your edits stay here and are sent when you are back online.',
  },
  closed: {
    text: 'Disconnected',
    hint: 'The server closed the connection and this page will not reconnect by itself. See the message above the report.',
  },
}

/** Shows whether edits are reaching the server; `data-connection` carries the machine-readable state. */
export function ConnectionIndicator({ connection }: { readonly connection: ReportConnection }) {
  const state = useConnectionState(connection)
  const label = LABELS[state]
  return (
    <span className="connection" data-connection={state} title={label.hint} role="status" aria-live="polite">
      <span className="connection__dot" aria-hidden="true" />
      {label.text}
    </span>
  )
}
