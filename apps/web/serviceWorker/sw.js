/* Rapporteur's service worker (hand-written; the build fills in PRECACHE and VERSION, see serviceWorkerPlugin.ts).
 * - Precaches the app shell (index.html) and every built asset, so a report opens offline.
 * - Navigations: network first, the cached index.html when the network fails (the app routes on the client).
 * - /assets/* (content-hashed): cache first, cached on first use.
 * - Never touches /api, /collab or /healthz: those always go to the network (the app keeps its own offline copy). */
const VERSION = self.__RAPPORTEUR_VERSION__
const PRECACHE = self.__RAPPORTEUR_PRECACHE__
const CACHE = `rapporteur-shell-${VERSION}`
const SHELL = '/index.html'

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([SHELL, ...PRECACHE]))
      .then(() => self.skipWaiting()),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('rapporteur-shell-') && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  )
})

const isServerPath = (pathname) =>
  pathname.startsWith('/api/') || pathname === '/api' || pathname.startsWith('/collab') || pathname === '/healthz'

async function navigate(request) {
  try {
    const response = await fetch(request)
    if (response.ok && (response.headers.get('content-type') ?? '').includes('text/html')) {
      const cache = await caches.open(CACHE)
      await cache.put(SHELL, response.clone())
    }
    return response
  } catch (error) {
    const cached = await caches.match(SHELL)
    if (cached !== undefined) return cached
    throw error
  }
}

async function hashedAsset(request) {
  const cached = await caches.match(request)
  if (cached !== undefined) return cached
  const response = await fetch(request)
  if (response.ok) {
    const cache = await caches.open(CACHE)
    await cache.put(request, response.clone())
  }
  return response
}

async function networkThenCache(request) {
  try {
    return await fetch(request)
  } catch (error) {
    const cached = await caches.match(request)
    if (cached !== undefined) return cached
    throw error
  }
}

self.addEventListener('fetch', (event) => {
  const { request } = event
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin || isServerPath(url.pathname)) return
  if (request.mode === 'navigate') event.respondWith(navigate(request))
  else if (url.pathname.startsWith('/assets/')) event.respondWith(hashedAsset(request))
  else event.respondWith(networkThenCache(request))
})
