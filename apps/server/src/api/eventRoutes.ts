import { getTemplate } from '@rapporteur/template'
import type { Router } from 'express'
import { canReadEvent } from '../auth/canReadEvent.js'
import { isOrganizer } from '../auth/isOrganizer.js'
import type { Principal } from '../auth/Principal.js'
import { Role } from '../auth/Role.js'
import type { EventRecord } from '../storage/CatalogRecords.js'
import { createId } from '../storage/createId.js'
import { newReportUpdate } from '../reports/newReportUpdate.js'
import type { ApiContext } from './ApiContext.js'
import { ApiError } from './ApiError.js'
import { requestPrincipal } from './authenticate.js'
import { findEvent } from './findEvent.js'
import { readClosingAt } from './readClosingAt.js'
import { readRequestBody } from './readRequestBody.js'
import { readTemplateId } from './readTemplateId.js'
import { readTitle } from './readTitle.js'
import { requireOrganizer } from './requireOrganizer.js'

/** Events and their roundtables: the organizer reads and creates; a chair reads its own event. */
export function addEventRoutes(router: Router, context: ApiContext): void {
  const { catalog } = context

  router.get('/events', (_request, response) => {
    const principal = requestPrincipal(response)
    if (isOrganizer(principal)) {
      response.json({ events: catalog.listEvents() })
      return
    }
    if (principal.role !== Role.Chair || principal.eventId === undefined) {
      throw ApiError.forbidden('Only the organizer and chairs may list events')
    }
    const event = catalog.getEvent(principal.eventId)
    response.json({ events: event === undefined ? [] : [event] })
  })

  router.post('/events', (request, response) => {
    requireOrganizer(requestPrincipal(response))
    const body = readRequestBody(request.body)
    const event = catalog.createEvent({ title: readTitle(body), closingAt: readClosingAt(body) })
    response.status(201).json(event)
  })

  router.get('/events/:eventId', (request, response) => {
    const event = findReadableEvent(context, request.params.eventId, requestPrincipal(response))
    response.json({ ...event, roundtables: catalog.listRoundtables(event.id) })
  })

  router.get('/events/:eventId/roundtables', (request, response) => {
    const event = findReadableEvent(context, request.params.eventId, requestPrincipal(response))
    response.json({ roundtables: catalog.listRoundtables(event.id) })
  })

  router.post('/events/:eventId/roundtables', async (request, response) => {
    requireOrganizer(requestPrincipal(response))
    const event = findEvent(catalog, request.params.eventId)
    const body = readRequestBody(request.body)
    const title = readTitle(body)
    const templateId = readTemplateId(body)
    const template = getTemplate(templateId)
    if (template === undefined) throw new Error(`readTemplateId let an unknown template through: ${templateId}`)
    // The report is written before the row exists, so no client can open it half made.
    const id = createId()
    await context.writeReportUpdate(id, newReportUpdate(template, title))
    const roundtable = catalog.createRoundtable({ id, eventId: event.id, title, templateId })
    context.logger.info('roundtable created', { roundtableId: id, eventId: event.id })
    context.monitor.roundtableCreated(roundtable)
    response.status(201).json(roundtable)
  })
}

function findReadableEvent(context: ApiContext, eventId: string, principal: Principal): EventRecord {
  if (!canReadEvent(principal, eventId)) throw ApiError.forbidden('This invite does not give access to this event')
  return findEvent(context.catalog, eventId)
}
