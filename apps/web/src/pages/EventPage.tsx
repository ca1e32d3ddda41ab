import { rapporteurApi } from '../api/rapporteurApi'
import { useApiResource } from '../api/useApiResource'
import { ClosingReportLinks } from '../exports/ClosingReportLinks'
import { InvitesPanel } from '../invites/InvitesPanel'
import { Link } from '../router/Link'
import { paths } from '../router/paths'
import { useSession } from '../session/SessionContext'
import { ErrorNotice } from '../ui/ErrorNotice'
import { formatDateTime } from '../ui/formatDateTime'
import { CreateRoundtableForm } from './CreateRoundtableForm'
import { RoundtableItem } from './RoundtableItem'

/**
 * `/events/:eventId`: the event's roundtables, each linking to its live report. The organizer also
 * creates roundtables and invite links here; the chair only reads.
 */
export function EventPage({ eventId }: { readonly eventId: string }) {
  const { role } = useSession()
  const organizer = role === 'organizer'
  const { resource, reload } = useApiResource(`event:${eventId}`, (signal) => rapporteurApi.getEvent(eventId, signal))

  if (resource.status === 'loading') return <p className="page muted">Loading event…</p>
  if (resource.status === 'error') {
    return (
      <div className="page">
        <ErrorNotice
          error={resource.error}
          title={resource.error.isNotFound ? 'This event does not exist.' : 'The event could not be loaded.'}
        >
          <Link to={paths.events()}>Back to all events</Link>
        </ErrorNotice>
      </div>
    )
  }

  const event = resource.data
  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={paths.events()}>Events</Link>
      </nav>
      <h1>{event.title}</h1>
      <p className="muted">Closing session {formatDateTime(event.closingAt)}</p>
      <p>
        <Link to={paths.dashboard(event.id)} className="button primary" data-dashboard-link="">
          Open the live dashboard
        </Link>
      </p>
      {(organizer || role === 'chair') && <ClosingReportLinks eventId={event.id} />}
      <h2>Roundtables</h2>
      {event.roundtables.length === 0 ? (
        <p className="empty">
          {organizer ? 'No roundtables yet. Create one below; its report opens empty, ready for notes.' : 'No roundtables yet.'}
        </p>
      ) : (
        <ul className="item-list" data-list="roundtables">
          {event.roundtables.map((roundtable) => (
            <RoundtableItem key={roundtable.id} roundtable={roundtable} manageInvites={organizer} />
          ))}
        </ul>
      )}
      {organizer && (
        <>
          <CreateRoundtableForm eventId={event.id} onCreated={reload} />
          <section className="card" aria-labelledby="chair-invites-title" data-chair-invites="">
            <h2 id="chair-invites-title">Chair</h2>
            <p className="muted">The chair reads every report of this event live, and changes none.</p>
            <InvitesPanel scope={{ kind: 'event', id: event.id }} roles={['chair']} />
          </section>
        </>
      )}
    </div>
  )
}
