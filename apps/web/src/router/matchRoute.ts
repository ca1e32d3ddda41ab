/** Every screen the app can show, parsed from the URL path. */
export type Route =
  | { readonly name: 'events' }
  | { readonly name: 'event'; readonly eventId: string }
  | { readonly name: 'dashboard'; readonly eventId: string }
  | { readonly name: 'report'; readonly roundtableId: string }
  | { readonly name: 'section-across'; readonly eventId: string; readonly sectionId: string }
  | { readonly name: 'invite' }
  | { readonly name: 'not-found'; readonly path: string }

const eventPath = /^\/events\/([^/]+)\/?$/
const dashboardPath = /^\/events\/([^/]+)\/dashboard\/?$/
const reportPath = /^\/report\/([^/]+)\/?$/
const sectionAcrossPath = /^\/events\/([^/]+)\/sections\/([^/]+)\/?$/

export function matchRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'events' }
  if (pathname === '/invite' || pathname === '/invite/') return { name: 'invite' }
  const event = eventPath.exec(pathname)
  if (event?.[1]) return { name: 'event', eventId: decodeURIComponent(event[1]) }
  const dashboard = dashboardPath.exec(pathname)
  if (dashboard?.[1]) return { name: 'dashboard', eventId: decodeURIComponent(dashboard[1]) }
  const section = sectionAcrossPath.exec(pathname)
  if (section?.[1] && section[2]) {
    return { name: 'section-across', eventId: decodeURIComponent(section[1]), sectionId: decodeURIComponent(section[2]) }
  }
  const report = reportPath.exec(pathname)
  if (report?.[1]) return { name: 'report', roundtableId: decodeURIComponent(report[1]) }
  return { name: 'not-found', path: pathname }
}
