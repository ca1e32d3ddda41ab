import type { Router } from 'express'
import type { ApiContext } from './ApiContext.js'
import { requestPrincipal } from './authenticate.js'
import { requireOrganizer } from './requireOrganizer.js'

/** `GET /metrics` (organizer only): `ServerMetrics`. */
export function addMetricsRoute(router: Router, context: ApiContext): void {
  router.get('/metrics', (_request, response) => {
    requireOrganizer(requestPrincipal(response))
    response.json(context.readMetrics())
  })
}
