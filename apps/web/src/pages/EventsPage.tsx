import { rapporteurApi } from '../api/rapporteurApi'
import { useApiResource } from '../api/useApiResource'
import { Link } from '../router/Link'
import { navigate } from '../router/navigate'
import { paths } from '../router/paths'
import { ErrorNotice } from '../ui/ErrorNotice'
import { formatDateTime } from '../ui/formatDateTime'
import { CreateEventForm } from './CreateEventForm'

/** Every event the session may see; organizers also get a form to start a new one. */
export function EventsPage({ canCreate }: { readonly canCreate: boolean }) {
  const { resource, reload } = useApiResource('events', (signal) => rapporteurApi.listEvents(signal))

  return (
    <div className="page">
      <h1>Events</h1>
      <p className="muted">
        {canCreate
          ? 'Pick an event to set up its roundtables and invite their rapporteurs.'
          : 'Pick an event to read its roundtables’ reports as they are written.'}
      </p>
      {resource.status === 'loading' && <p className="muted">Loading events…</p>}
      {resource.status === 'error' && (
        <ErrorNotice error={resource.error} title="The events could not be loaded.">
          <button type="button" className="button" onClick={reload}>
            Try again
          </button>
        </ErrorNotice>
      )}
      {resource.status === 'ready' &&
        (resource.data.length === 0 ? (
          <p className="empty">{canCreate ? 'No events yet. Create the first one below.' : 'No events yet.'}</p>
        ) : (
          <ul className="item-list" data-list="events">
            {resource.data.map((event) => (
              <li key={event.id} className="item-list__item">
                <Link to={paths.event(event.id)} className="item-list__title">
                  {event.title}
                </Link>
                <span className="muted">Closing session {formatDateTime(event.closingAt)}</span>
              </li>
            ))}
          </ul>
        ))}
      {canCreate && <CreateEventForm onCreated={(event) => navigate(paths.event(event.id))} />}
    </div>
  )
}
