import { SectionPicker } from '../closing/SectionPicker'
import { useSectionAcross } from '../closing/useSectionAcross'
import { Link } from '../router/Link'
import { paths } from '../router/paths'
import { ErrorNotice } from '../ui/ErrorNotice'

/**
 * `/events/:eventId/sections/:sectionId`: one section of every roundtable's report, in roundtable order, for a
 * closing session going section by section (organizer and chair). Fetched again every few seconds.
 */
export function SectionAcrossPage({ eventId, sectionId }: { readonly eventId: string; readonly sectionId: string }) {
  const { data, error, fetchedAt, loading, refresh } = useSectionAcross(eventId, sectionId)

  if (data === null && error !== null) {
    return (
      <div className="page">
        <ErrorNotice error={error} title={error.isNotFound ? 'There is no such section or event.' : 'The section could not be loaded.'}>
          <Link to={paths.event(eventId)}>Back to the event</Link>
        </ErrorNotice>
      </div>
    )
  }
  if (data === null) return <p className="page muted">Loading the section…</p>

  return (
    <div className="page section-across" data-section-across={data.section.id}>
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={paths.events()}>Events</Link>
        <span aria-hidden="true"> / </span>
        <Link to={paths.event(eventId)}>{data.event.title}</Link>
        <span aria-hidden="true"> / </span>
        <Link to={paths.dashboard(eventId)}>Dashboard</Link>
      </nav>
      <h1>{data.section.title}</h1>
      <p className="muted">
        Every roundtable’s “{data.section.title}”, in roundtable order ({data.roundtables.length}{' '}
        {data.roundtables.length === 1 ? 'roundtable' : 'roundtables'}).
      </p>
      <SectionPicker eventId={eventId} sections={data.sections} current={data.section.id} />
      <div className="section-across__status">
        <button type="button" onClick={refresh} disabled={loading} data-section-refresh="">
          Refresh now
        </button>
        <span className="muted" data-fetched-at={fetchedAt ?? ''}>
          {fetchedAt === null ? '' : `Updated ${new Date(fetchedAt).toLocaleTimeString()} · refreshes every 5 seconds`}
        </span>
        {error !== null && (
          <span className="notice notice--error" role="status">
            Could not refresh: {error.message}
          </span>
        )}
      </div>
      {/* The server renders this HTML with every text escaped and only http, https and mailto links kept. */}
      <div className="section-across__content" data-section-content="" dangerouslySetInnerHTML={{ __html: data.article }} />
    </div>
  )
}
