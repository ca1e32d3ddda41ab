import { Link } from '../router/Link'
import { paths } from '../router/paths'

/** The home of a rapporteur or viewer: their invite covers one report, so point straight at it. */
export function AssignedReportPage({ roundtableId, role }: { readonly roundtableId: string | null; readonly role: 'rapporteur' | 'viewer' }) {
  return (
    <div className="page">
      <h1>Your report</h1>
      <p className="muted">
        {role === 'rapporteur'
          ? 'Your invite lets you write one roundtable’s report together with the other rapporteurs.'
          : 'Your invite lets you read one roundtable’s report as it is written.'}
      </p>
      {roundtableId !== null && (
        <Link to={paths.report(roundtableId)} className="button primary" data-assigned-report="">
          Open the report
        </Link>
      )}
    </div>
  )
}
