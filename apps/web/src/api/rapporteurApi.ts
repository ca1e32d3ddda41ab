import { withOfflineCopy } from '../offline/offlineCopy'
import { readAuthToken } from '../session/authTokenStore'
import type { Session } from '../session/Session'
import { requestJson } from './requestJson'
import type {
  ConferenceEvent,
  ConferenceEventWithRoundtables,
  CreatedInvite,
  CreateInviteInput,
  Invite,
  InviteScope,
  Roundtable,
  RoundtableWithEvent,
  SectionAcross,
} from './types'

const segment = encodeURIComponent

const invitesPath = (scope: InviteScope): string =>
  `/api/${scope.kind === 'event' ? 'events' : 'roundtables'}/${segment(scope.id)}/invites`

/** Typed calls to the Rapporteur HTTP API; each sends the stored token as `Authorization: Bearer`. */
export const rapporteurApi = {
  /**
   * Who `token` (default: the stored one) signs in as; 401 when it is unknown, expired or revoked.
   * Offline, the last answer for the same token.
   */
  getSession(signal?: AbortSignal, token?: string): Promise<Session> {
    return withOfflineCopy('/api/session', token ?? readAuthToken(), () => requestJson('/api/session', { signal, token }))
  },
  async listEvents(signal?: AbortSignal): Promise<readonly ConferenceEvent[]> {
    const body = await requestJson<{ events: ConferenceEvent[] }>('/api/events', { signal })
    return body.events
  },
  createEvent(input: { title: string; closingAt: string }): Promise<ConferenceEvent> {
    return requestJson('/api/events', { method: 'POST', body: input })
  },
  getEvent(eventId: string, signal?: AbortSignal): Promise<ConferenceEventWithRoundtables> {
    return requestJson(`/api/events/${segment(eventId)}`, { signal })
  },
  createRoundtable(eventId: string, input: { title: string; templateId?: string }): Promise<Roundtable> {
    return requestJson(`/api/events/${segment(eventId)}/roundtables`, { method: 'POST', body: input })
  },
  /** The roundtable (with its event); offline, the last answer, so the report page opens from its local copy. */
  getRoundtable(roundtableId: string, signal?: AbortSignal): Promise<RoundtableWithEvent> {
    const path = `/api/roundtables/${segment(roundtableId)}`
    return withOfflineCopy(path, readAuthToken(), () => requestJson(path, { signal }))
  },
  /** One section of every roundtable's report of the event, in roundtable order. */
  getSectionAcross(eventId: string, sectionId: string, signal?: AbortSignal): Promise<SectionAcross> {
    return requestJson(`/api/events/${segment(eventId)}/sections/${segment(sectionId)}?format=json`, { signal })
  },
  async listInvites(scope: InviteScope, signal?: AbortSignal): Promise<readonly Invite[]> {
    const body = await requestJson<{ invites: Invite[] }>(invitesPath(scope), { signal })
    return body.invites
  },
  createInvite(scope: InviteScope, input: CreateInviteInput): Promise<CreatedInvite> {
    return requestJson(invitesPath(scope), { method: 'POST', body: input })
  },
  revokeInvite(inviteId: string): Promise<void> {
    return requestJson(`/api/invites/${segment(inviteId)}`, { method: 'DELETE' })
  },
} as const
