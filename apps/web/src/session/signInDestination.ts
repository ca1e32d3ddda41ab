import { paths } from '../router/paths'
import type { Session } from './Session'

/** Where an invite link leads once it is accepted: the one report, the chair's dashboard, or all events. */
export function signInDestination(session: Session): string {
  switch (session.role) {
    case 'rapporteur':
    case 'viewer':
      return session.roundtableId ? paths.report(session.roundtableId) : paths.events()
    case 'chair':
      return session.eventId ? paths.dashboard(session.eventId) : paths.events()
    case 'organizer':
      return paths.events()
  }
}
