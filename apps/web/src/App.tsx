import { lazy, Suspense } from 'react'
import { EventPage } from './pages/EventPage'
import { EventsPage } from './pages/EventsPage'
import { NotFoundPage } from './pages/NotFoundPage'
import { Link } from './router/Link'
import type { Route } from './router/matchRoute'
import { paths } from './router/paths'
import { useRoute } from './router/useRoute'

// The editor stack (Tiptap, ProseMirror, Yjs) loads only when a report is opened.
const ReportPage = lazy(async () => ({ default: (await import('./pages/ReportPage')).ReportPage }))

function RouteView({ route }: { readonly route: Route }) {
  switch (route.name) {
    case 'events':
      return <EventsPage />
    case 'event':
      return <EventPage key={route.eventId} eventId={route.eventId} />
    case 'report':
      return (
        <Suspense fallback={<p className="page muted">Loading the editor…</p>}>
          <ReportPage key={route.roundtableId} roundtableId={route.roundtableId} />
        </Suspense>
      )
    case 'not-found':
      return <NotFoundPage path={route.path} />
  }
}

export function App() {
  const route = useRoute()
  return (
    <>
      <header className="app-header">
        <Link to={paths.events()} className="app-header__brand">
          Rapporteur
        </Link>
        <span className="app-header__tagline">Roundtable reports, written together</span>
      </header>
      <main className="app-main">
        <RouteView route={route} />
      </main>
    </>
  )
}
