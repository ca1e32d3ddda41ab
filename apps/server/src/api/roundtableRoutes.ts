import type { Router } from 'express'
import { canRead } from '../auth/canRead.js'
import { isOrganizer } from '../auth/isOrganizer.js'
import type { ApiContext } from './ApiContext.js'
import { ApiError } from './ApiError.js'
import { requestPrincipal } from './authenticate.js'

/**
 * `GET /roundtables/:id` (with its `event`: id, title, closingAt): the organizer; the chair of its event; its
 * rapporteurs and viewers.
 */
export function addRoundtableRoutes(router: Router, context: ApiContext): void {
  router.get('/roundtables/:roundtableId', (request, response) => {
    const principal = requestPrincipal(response)
    const { roundtableId } = request.params
    const roundtable = context.catalog.getRoundtable(roundtableId)
    // Only the organizer learns whether an id exists; everyone else gets 403 for what they may not read.
    if (roundtable === undefined && isOrganizer(principal)) throw ApiError.notFound(`No roundtable with id "${roundtableId}"`)
    if (roundtable === undefined || !canRead(principal, roundtable)) {
      throw ApiError.forbidden('This invite does not give access to this roundtable')
    }
    const event = context.catalog.getEvent(roundtable.eventId)
    response.json({
      ...roundtable,
      event: event === undefined ? null : { id: event.id, title: event.title, closingAt: event.closingAt },
    })
  })
}
