import express from 'express'
import type { Router } from 'express'
import type { ApiContext } from './ApiContext.js'
import { ApiError } from './ApiError.js'
import { authenticate } from './authenticate.js'
import { feedRoute } from '../dashboard/feedRoute.js'
import { addEventRoutes } from './eventRoutes.js'
import { addExportRoutes } from './exportRoutes.js'
import { handleApiError } from './handleApiError.js'
import { addInviteRoutes } from './inviteRoutes.js'
import { addMetricsRoute } from './metricsRoute.js'
import { addRoundtableRoutes } from './roundtableRoutes.js'
import { addSectionRoutes } from './sectionRoutes.js'
import { addSessionRoute } from './sessionRoute.js'
import { addVersionRoutes } from './versionRoutes.js'

export interface ApiRouterOptions extends ApiContext {
  /** Largest accepted JSON body. Default `16kb`. */
  readonly bodyLimit?: string
}

/**
 * The JSON API, to mount at `/api`. Every route needs `Authorization: Bearer <token>` (401 without a valid one,
 * before the body is read; 403 when the role or scope does not allow the call); the event feed (Server-Sent
 * Events) and the exports also take `?token=`. Every error, unknown routes included, is answered as JSON.
 */
export function createApiRouter(options: ApiRouterOptions): Router {
  const router = express.Router()
  router.get(
    '/events/:eventId/feed',
    authenticate(options.resolvePrincipal, { queryToken: true }),
    feedRoute({ monitor: options.monitor }),
  )
  // Exports are downloaded by links too, so their token may come as `?token=` (never logged).
  addExportRoutes(router, options, authenticate(options.resolvePrincipal, { queryToken: true }))
  addSectionRoutes(router, options, authenticate(options.resolvePrincipal, { queryToken: true }))
  router.use(authenticate(options.resolvePrincipal))
  router.use(express.json({ limit: options.bodyLimit ?? '16kb' }))
  addSessionRoute(router)
  addEventRoutes(router, options)
  addRoundtableRoutes(router, options)
  addVersionRoutes(router, options)
  addInviteRoutes(router, options)
  addMetricsRoute(router, options)
  router.use((request) => {
    throw ApiError.notFound(`No API route ${request.method} ${request.baseUrl}${request.path}`)
  })
  router.use(handleApiError(options.logger))
  return router
}
