import { useMemo, useSyncExternalStore } from 'react'
import { matchRoute, type Route } from './matchRoute'
import { NAVIGATE_EVENT } from './navigate'

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(NAVIGATE_EVENT, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(NAVIGATE_EVENT, onChange)
  }
}

const readPathname = (): string => location.pathname

/** The route for the current URL; re-renders on `navigate` and on back/forward. */
export function useRoute(): Route {
  const pathname = useSyncExternalStore(subscribe, readPathname)
  return useMemo(() => matchRoute(pathname), [pathname])
}
