/** Fired on `window` after `navigate` changed the URL; `popstate` covers back/forward. */
export const NAVIGATE_EVENT = 'rapporteur:navigate'

/** Moves to another in-app URL without reloading the page. */
export function navigate(to: string): void {
  if (to === location.pathname + location.search) return
  history.pushState(null, '', to)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
}
