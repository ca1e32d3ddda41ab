import { clearReportReady, markReportReady } from '@rapporteur/template'
import type * as Y from 'yjs'
import { formatDateTime } from '../ui/formatDateTime'
import { useReportReadiness } from './useReportReadiness'

interface ReadyToggleProps {
  readonly doc: Y.Doc
  /** Rapporteurs and the organizer may mark the report; everyone else sees its state only. */
  readonly canMark: boolean
  /** Recorded as `readyBy`. */
  readonly userName: string
}

/** The report's readiness for the closing session, and the button that marks it (stored in `meta`). */
export function ReadyToggle({ doc, canMark, userName }: ReadyToggleProps) {
  const ready = useReportReadiness(doc)
  return (
    <div className={`ready-toggle${ready ? ' ready-toggle--ready' : ''}`} data-report-ready={ready ? 'true' : 'false'}>
      <p className="ready-toggle__state">
        {ready ? (
          <>
            <strong>Ready for the closing session</strong>
            <span className="muted">
              {' '}
              marked by {ready.by || 'someone'}, {formatDateTime(ready.at)}
            </span>
          </>
        ) : (
          <strong>Not ready yet</strong>
        )}
      </p>
      {canMark && (
        <button
          type="button"
          className={ready ? 'button' : 'button primary'}
          data-ready-toggle=""
          onClick={() => (ready ? clearReportReady(doc) : markReportReady(doc, userName))}
        >
          {ready ? 'Mark not ready' : 'Mark ready for the closing session'}
        </button>
      )}
    </div>
  )
}
