import { formatDateTime } from '../ui/formatDateTime'

/** "Ready" with who marked it and when, or "In progress". */
export function ReadyBadge({ ready }: { readonly ready: { readonly at: string; readonly by: string } | null }) {
  if (ready === null) {
    return (
      <span className="ready-badge" data-ready="false">
        In progress
      </span>
    )
  }
  return (
    <span className="ready-badge ready-badge--ready" data-ready="true" title={`Marked ready by ${ready.by}, ${formatDateTime(ready.at)}`}>
      Ready
    </span>
  )
}
