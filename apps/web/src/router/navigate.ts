/** Fired on `window` after `navigate` changed the URL; `popstate` covers back/forward. */
export const NAVIGATE_EVENT = 'rapporteur:navigate'

/**
 * Moves to another in-app URL without reloading the page. `replace` swaps the current history
 * entry (a redirect), so Back does not return to a page that would redirect again.
 */
export function navigate(to: string, options: { readonly replace?: boolean } = {}): void {
  if (to === location.pathname + location.search) return
  if (options.replace) history.replaceState(null, '', to)
  else history.pushState(null, '', to)
  window.dispatchEvent(new Event(NAVIGATE_EVENT))
}
