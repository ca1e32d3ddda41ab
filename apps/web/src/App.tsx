import { lazy, Suspense } from 'react'
import { DashboardPage } from './pages/DashboardPage'
import { EventPage } from './pages/EventPage'
import { HomePage } from './pages/HomePage'
import { InvitePage } from './pages/InvitePage'
import { NotFoundPage } from './pages/NotFoundPage'
import { SectionAcrossPage } from './pages/SectionAcrossPage'
import { Link } from './router/Link'
import type { Route } from './router/matchRoute'
import { paths } from './router/paths'
import { useRoute } from './router/useRoute'
import { SessionBadge } from './session/SessionBadge'
import { SessionGate } from './session/SessionGate'
import { useAuthToken } from './session/useAuthToken'
import { useSessionLookup, type SessionLookup } from './session/useSessionLookup'

// The editor stack (Tiptap, ProseMirror, Yjs) loads only when a report is opened.
const ReportPage = lazy(async () => ({ default: (await import('./pages/ReportPage')).ReportPage }))

function RouteView({ route, lookup }: { readonly route: Route; readonly lookup: SessionLookup }) {
  switch (route.name) {
    case 'invite':
      return <InvitePage />
    case 'not-found':
      return <NotFoundPage path={route.path} />
    case 'events':
      return (
        <SessionGate lookup={lookup}>
          <HomePage />
        </SessionGate>
      )
    case 'event':
      return (
        <SessionGate lookup={lookup}>
          <EventPage key={route.eventId} eventId={route.eventId} />
        </SessionGate>
      )
    case 'dashboard':
      return (
        <SessionGate lookup={lookup}>
          <DashboardPage key={route.eventId} eventId={route.eventId} />
        </SessionGate>
      )
    case 'section-across':
      return (
        <SessionGate lookup={lookup}>
          <SectionAcrossPage key={route.eventId} eventId={route.eventId} sectionId={route.sectionId} />
        </SessionGate>
      )
    case 'report':
      return (
        <SessionGate lookup={lookup}>
          <Suspense fallback={<p className="page muted">Loading the editor…</p>}>
            <ReportPage key={route.roundtableId} roundtableId={route.roundtableId} />
          </Suspense>
        </SessionGate>
      )
  }
}

export function App() {
  const route = useRoute()
  const lookup = useSessionLookup(useAuthToken())
  return (
    <>
      <header className="app-header">
        <Link to={paths.events()} className="app-header__brand">
          Rapporteur
        </Link>
        <span className="app-header__tagline">Roundtable reports, written together</span>
        <SessionBadge lookup={lookup} />
      </header>
      <main className="app-main">
        <RouteView route={route} lookup={lookup} />
      </main>
    </>
  )
}
