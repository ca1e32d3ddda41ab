import type { Request, Response, Router } from 'express'
import type { InviteRole } from '../auth/Role.js'
import { EVENT_INVITE_ROLES, ROUNDTABLE_INVITE_ROLES } from '../auth/Role.js'
import type { EventRecord } from '../storage/CatalogRecords.js'
import type { ApiContext } from './ApiContext.js'
import { ApiError } from './ApiError.js'
import { requestPrincipal } from './authenticate.js'
import { findEvent } from './findEvent.js'
import { findRoundtable } from './findRoundtable.js'
import { createdInviteJson, inviteJson } from './inviteJson.js'
import { readExpiresAt } from './readExpiresAt.js'
import { readInviteRole } from './readInviteRole.js'
import { readLabel } from './readLabel.js'
import { readRequestBody } from './readRequestBody.js'
import { requireOrganizer } from './requireOrganizer.js'
import { signInUrl } from './signInUrl.js'

/**
 * Invite links, organizer only: rapporteur and viewer invites per roundtable, chair invites per event; list
 * them (never their tokens) and revoke them, which also closes the websockets opened with them.
 */
export function addInviteRoutes(router: Router, context: ApiContext): void {
  const { catalog, invites } = context
  const now = context.now ?? (() => new Date())

  const createInvite = (
    request: Request,
    response: Response,
    event: EventRecord,
    roundtableId: string | null,
    roles: readonly InviteRole[],
  ): void => {
    const body = readRequestBody(request.body)
    const role = readInviteRole(body, roles)
    const expiresAt = readExpiresAt(body, event.closingAt, now())
    const { invite, token } = invites.create({ role, eventId: event.id, roundtableId, label: readLabel(body), expiresAt })
    context.logger.info('invite created', { inviteId: invite.id, role, eventId: event.id, roundtableId })
    response.status(201).json(createdInviteJson(invite, token, signInUrl(token, context.publicUrl, request)))
  }

  router.post('/roundtables/:roundtableId/invites', (request, response) => {
    requireOrganizer(requestPrincipal(response))
    const roundtable = findRoundtable(catalog, request.params.roundtableId)
    createInvite(request, response, findEvent(catalog, roundtable.eventId), roundtable.id, ROUNDTABLE_INVITE_ROLES)
  })

  router.get('/roundtables/:roundtableId/invites', (request, response) => {
    requireOrganizer(requestPrincipal(response))
    const roundtable = findRoundtable(catalog, request.params.roundtableId)
    response.json({ invites: invites.listForRoundtable(roundtable.id).map(inviteJson) })
  })

  router.post('/events/:eventId/invites', (request, response) => {
    requireOrganizer(requestPrincipal(response))
    createInvite(request, response, findEvent(catalog, request.params.eventId), null, EVENT_INVITE_ROLES)
  })

  router.get('/events/:eventId/invites', (request, response) => {
    requireOrganizer(requestPrincipal(response))
    const event = findEvent(catalog, request.params.eventId)
    response.json({ invites: invites.listForEvent(event.id).map(inviteJson) })
  })

  router.delete('/invites/:inviteId', (request, response) => {
    requireOrganizer(requestPrincipal(response))
    const invite = invites.revoke(request.params.inviteId)
    if (invite === undefined) throw ApiError.notFound(`No invite with id "${request.params.inviteId}"`)
    const closed = context.closeInviteConnections(invite.id)
    context.logger.info('invite revoked', { inviteId: invite.id, role: invite.role, closedConnections: closed })
    response.status(204).end()
  })
}
