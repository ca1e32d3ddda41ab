import type { Router } from 'express'
import { requestPrincipal } from './authenticate.js'

/** `GET /session`: who the bearer token signs in: `{ role, eventId?, roundtableId?, expiresAt? }`. */
export function addSessionRoute(router: Router): void {
  router.get('/session', (_request, response) => {
    const { role, eventId, roundtableId, expiresAt } = requestPrincipal(response)
    response.json({ role, eventId, roundtableId, expiresAt })
  })
}
