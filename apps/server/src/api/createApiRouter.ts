import express from 'express'
import type { Router } from 'express'
import type { Logger } from '@rapporteur/collab'
import type { EventRecord } from '../storage/CatalogRecords.js'
import type { SqliteCatalog } from '../storage/SqliteCatalog.js'
import { createId } from '../storage/createId.js'
import { titleUpdate } from '../reports/titleUpdate.js'
import { ApiError } from './ApiError.js'
import { handleApiError } from './handleApiError.js'
import { readClosingAt } from './readClosingAt.js'
import { readRequestBody } from './readRequestBody.js'
import { readTemplateId } from './readTemplateId.js'
import { readTitle } from './readTitle.js'

export interface ApiRouterOptions {
  readonly catalog: SqliteCatalog
  /** Writes a server-side Yjs update into the report document named `roundtableId`. */
  readonly writeReportUpdate: (roundtableId: string, update: Uint8Array) => Promise<void>
  readonly logger: Logger
  /** Largest accepted JSON body. Default `16kb`. */
  readonly bodyLimit?: string
}

/** The JSON API, to mount at `/api`. Every error, unknown routes included, is answered as JSON. */
export function createApiRouter(options: ApiRouterOptions): Router {
  const { catalog, writeReportUpdate } = options
  const router = express.Router()
  router.use(express.json({ limit: options.bodyLimit ?? '16kb' }))

  router.get('/events', (_request, response) => {
    response.json({ events: catalog.listEvents() })
  })

  router.post('/events', (request, response) => {
    const body = readRequestBody(request.body)
    const event = catalog.createEvent({ title: readTitle(body), closingAt: readClosingAt(body) })
    response.status(201).json(event)
  })

  router.get('/events/:eventId', (request, response) => {
    const event = findEvent(catalog, request.params.eventId)
    response.json({ ...event, roundtables: catalog.listRoundtables(event.id) })
  })

  router.get('/events/:eventId/roundtables', (request, response) => {
    const event = findEvent(catalog, request.params.eventId)
    response.json({ roundtables: catalog.listRoundtables(event.id) })
  })

  router.post('/events/:eventId/roundtables', async (request, response) => {
    const event = findEvent(catalog, request.params.eventId)
    const body = readRequestBody(request.body)
    const title = readTitle(body)
    const templateId = readTemplateId(body)
    // The report is written before the row exists, so no client can open it half made.
    const id = createId()
    await writeReportUpdate(id, titleUpdate(title))
    const roundtable = catalog.createRoundtable({ id, eventId: event.id, title, templateId })
    options.logger.info('roundtable created', { roundtableId: id, eventId: event.id })
    response.status(201).json(roundtable)
  })

  router.get('/roundtables/:roundtableId', (request, response) => {
    const roundtable = catalog.getRoundtable(request.params.roundtableId)
    if (roundtable === undefined) throw ApiError.notFound(`No roundtable with id "${request.params.roundtableId}"`)
    response.json(roundtable)
  })

  router.use((request) => {
    throw ApiError.notFound(`No API route ${request.method} ${request.baseUrl}${request.path}`)
  })
  router.use(handleApiError(options.logger))
  return router
}

function findEvent(catalog: SqliteCatalog, eventId: string): EventRecord {
  const event = catalog.getEvent(eventId)
  if (event === undefined) throw ApiError.notFound(`No event with id "${eventId}"`)
  return event
}
