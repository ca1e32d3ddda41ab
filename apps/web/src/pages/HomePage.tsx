import { useSession } from '../session/SessionContext'
import { AssignedReportPage } from './AssignedReportPage'
import { EventsPage } from './EventsPage'

/** `/`: the events for organizers and chairs; a rapporteur or viewer has one report to go to. */
export function HomePage() {
  const session = useSession()
  if (session.role === 'rapporteur' || session.role === 'viewer') {
    return <AssignedReportPage roundtableId={session.roundtableId ?? null} role={session.role} />
  }
  return <EventsPage canCreate={session.role === 'organizer'} />
}
