import { getTemplate } from '@rapporteur/template'
import { rapporteurApi } from '../api/rapporteurApi'
import { useApiResource } from '../api/useApiResource'
import { Link } from '../router/Link'
import { paths } from '../router/paths'
import { ErrorNotice } from '../ui/ErrorNotice'
import { formatDateTime } from '../ui/formatDateTime'
import { CreateRoundtableForm } from './CreateRoundtableForm'

/** `/events/:eventId`: the event's roundtables, each linking to its live report. */
export function EventPage({ eventId }: { readonly eventId: string }) {
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
      <h2>Roundtables</h2>
      {event.roundtables.length === 0 ? (
        <p className="empty">No roundtables yet. Create one below; its report opens empty, ready for notes.</p>
      ) : (
        <ul className="item-list" data-list="roundtables">
          {event.roundtables.map((roundtable) => (
            <li key={roundtable.id} className="item-list__item">
              <Link to={paths.report(roundtable.id)} className="item-list__title">
                {roundtable.title}
              </Link>
              <span className="muted">{getTemplate(roundtable.templateId)?.name ?? roundtable.templateId}</span>
            </li>
          ))}
        </ul>
      )}
      <CreateRoundtableForm eventId={event.id} onCreated={reload} />
    </div>
  )
}
