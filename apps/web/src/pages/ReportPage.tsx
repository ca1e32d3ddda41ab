import { getTemplate } from '@rapporteur/template'
import { useState } from 'react'
import { rapporteurApi } from '../api/rapporteurApi'
import { useApiResource } from '../api/useApiResource'
import { Countdown } from '../countdown/Countdown'
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
  // Opened from the dashboard (`?from=dashboard`): offer the way back to it first.
  const [fromDashboard] = useState(() => new URLSearchParams(location.search).get('from') === 'dashboard')

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
          {fromDashboard && (
            <>
              <Link to={paths.dashboard(roundtable.eventId)} className="back-to-dashboard" data-back-to-dashboard="">
                ← Back to dashboard
              </Link>
              <span aria-hidden="true"> · </span>
            </>
          )}
          <Link to={paths.events()}>Events</Link>
          <span aria-hidden="true"> / </span>
          <Link to={paths.event(roundtable.eventId)}>Roundtables</Link>
          {!fromDashboard && (
            <>
              <span aria-hidden="true"> / </span>
              <Link to={paths.dashboard(roundtable.eventId)}>Dashboard</Link>
            </>
          )}
        </nav>
      )}
      <h1 className="report-title">{roundtable.title}</h1>
      {roundtable.event && <Countdown closingAt={roundtable.event.closingAt} />}
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
