import type { FeedConnection } from './useEventFeed'

const LABELS: Readonly<Record<FeedConnection, { readonly text: string; readonly hint: string }>> = {
  connecting: { text: 'Connecting…', hint: 'Opening the live feed of this event.' },
  live: { text: 'Live', hint: 'Every change to a report shows here within a second or so.' },
  reconnecting: { text: 'Reconnecting…', hint: 'The live feed dropped; the figures may be out of date until it is back.' },
  denied: { text: 'Not allowed', hint: 'The server refused the live feed for this sign-in.' },
}

/** Whether the dashboard is live; `data-feed` carries the machine-readable state. */
export function FeedIndicator({ connection }: { readonly connection: FeedConnection }) {
  const label = LABELS[connection]
  return (
    <span className="connection" data-feed={connection} title={label.hint} role="status" aria-live="polite">
      <span className="connection__dot" aria-hidden="true" />
      {label.text}
    </span>
  )
}
