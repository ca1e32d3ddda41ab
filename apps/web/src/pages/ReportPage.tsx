import { getTemplate } from '@rapporteur/template'
import { rapporteurApi } from '../api/rapporteurApi'
import { useApiResource } from '../api/useApiResource'
import { NamePrompt } from '../presence/NamePrompt'
import { useLocalUser } from '../presence/useLocalUser'
import { ReportView } from '../report/ReportView'
import { Link } from '../router/Link'
import { paths } from '../router/paths'
import { canEditReports } from '../session/Session'
import { useSession } from '../session/SessionContext'
import { useAuthToken } from '../session/useAuthToken'
import { ErrorNotice } from '../ui/ErrorNotice'

/** `/report/:roundtableId`: checks the roundtable exists and who is writing, then opens the live report. */
export function ReportPage({ roundtableId }: { readonly roundtableId: string }) {
  const user = useLocalUser()
  const session = useSession()
  const token = useAuthToken()
  const { resource } = useApiResource(`roundtable:${roundtableId}`, (signal) =>
    rapporteurApi.getRoundtable(roundtableId, signal),
  )
  // Rapporteurs and viewers see one report only: the event pages would answer 403.
  const seesEvent = session.role === 'organizer' || session.role === 'chair'

  if (resource.status === 'loading') return <p className="page muted">Loading report…</p>
  if (resource.status === 'error') {
    return (
      <div className="page">
        <ErrorNotice
          error={resource.error}
          title={resource.error.isNotFound ? 'This report does not exist.' : 'The report could not be loaded.'}
        >
          {seesEvent && <Link to={paths.events()}>Back to all events</Link>}
        </ErrorNotice>
      </div>
    )
  }

  const roundtable = resource.data
  const template = getTemplate(roundtable.templateId)
  return (
    <div className="page page--wide">
      {seesEvent && (
        <nav className="breadcrumbs" aria-label="Breadcrumbs">
          <Link to={paths.events()}>Events</Link>
          <span aria-hidden="true"> / </span>
          <Link to={paths.event(roundtable.eventId)}>Roundtables</Link>
        </nav>
      )}
      <h1 className="report-title">{roundtable.title}</h1>
      {template === undefined ? (
        <div className="notice notice--error" role="alert">
          <strong>This report uses a template this app does not know ({roundtable.templateId}).</strong>
          <p>Reload the page after an update, or ask the organisers.</p>
        </div>
      ) : user === null ? (
        <NamePrompt heading="What name should co-authors see?" submitLabel="Join the report" />
      ) : (
        <ReportView
          roundtableId={roundtable.id}
          template={template}
          user={user}
          role={session.role}
          canEdit={canEditReports(session.role)}
          token={token}
        />
      )}
    </div>
  )
}
