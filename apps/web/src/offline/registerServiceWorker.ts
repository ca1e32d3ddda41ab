/**
 * Registers the service worker of production builds (`/sw.js`), which lets the app open offline. Not in
 * development: Vite serves unbundled modules there, and a worker would cache them.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Without the worker the app still works online; offline it cannot open, which the browser shows.
    })
  })
}
