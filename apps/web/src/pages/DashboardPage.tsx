import { Countdown } from '../countdown/Countdown'
import { useNow } from '../countdown/useNow'
import { FeedIndicator } from '../dashboard/FeedIndicator'
import { RoundtableCard } from '../dashboard/RoundtableCard'
import { StripLegend } from '../dashboard/StripLegend'
import { useEventFeed } from '../dashboard/useEventFeed'
import { ClosingReportLinks } from '../exports/ClosingReportLinks'
import { Link } from '../router/Link'
import { paths } from '../router/paths'
import { useAuthToken } from '../session/useAuthToken'
import { ErrorNotice } from '../ui/ErrorNotice'

/** Flags such as "no rapporteur for 10 min" change with time alone: re-evaluate them this often. */
const FLAG_CLOCK_MS = 30_000

/**
 * `/events/:eventId/dashboard`: the chair's live view of every roundtable of the event, from one
 * server-sent feed (the browser opens no report and counts nothing itself).
 */
export function DashboardPage({ eventId }: { readonly eventId: string }) {
  const feed = useEventFeed(eventId, useAuthToken())
  const now = useNow(FLAG_CLOCK_MS) + feed.clockOffsetMs

  if (feed.connection === 'denied' && feed.error !== null) {
    return (
      <div className="page">
        <ErrorNotice error={feed.error} title="This dashboard is not open to your sign-in.">
          <Link to={paths.events()}>Back to events</Link>
        </ErrorNotice>
      </div>
    )
  }

  const snapshot = feed.snapshot
  return (
    <div className="page page--dashboard" data-dashboard={eventId}>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={paths.events()}>Events</Link>
        <span aria-hidden="true"> / </span>
        <Link to={paths.event(eventId)}>Roundtables</Link>
      </nav>
      <div className="dashboard__heading">
        <h1>{snapshot?.event.title ?? 'Dashboard'}</h1>
        <FeedIndicator connection={feed.connection} />
      </div>
      {snapshot === null ? (
        <p className="muted">Connecting to the live feed…</p>
      ) : (
        <>
          <div className="dashboard__summary">
            <Countdown closingAt={snapshot.event.closingAt} clockOffsetMs={feed.clockOffsetMs} />
            <StripLegend />
          </div>
          <ClosingReportLinks eventId={eventId} />
          {snapshot.roundtables.length === 0 ? (
            <p className="empty">No roundtables yet.</p>
          ) : (
            <ul className="dashboard__cards" data-list="roundtable-cards">
              {snapshot.roundtables.map((status) => (
                <RoundtableCard key={status.id} status={status} closingAt={snapshot.event.closingAt} now={now} />
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  )
}
