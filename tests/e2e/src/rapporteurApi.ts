import { E2E_ADMIN_TOKEN } from './startRapporteur.js'

/** The slice of the HTTP API the browser tests use to set up reports and invites (as the organizer). */
export interface EventRecord {
  readonly id: string
  readonly title: string
}

export interface RoundtableRecord {
  readonly id: string
  readonly eventId: string
  readonly title: string
  readonly templateId: string
}

export type InviteRole = 'rapporteur' | 'viewer' | 'chair'

export interface CreatedInviteRecord {
  readonly id: string
  readonly token: string
  readonly url: string
  readonly role: InviteRole
}

async function requestJson<T>(url: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${E2E_ADMIN_TOKEN}` }
  if (body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(url, { method, headers, body: body === undefined ? null : JSON.stringify(body) })
  if (!response.ok) throw new Error(`${response.status} from ${method} ${url}: ${await response.text()}`)
  return (response.status === 204 ? undefined : await response.json()) as T
}

/** Creates an event with one roundtable and returns the roundtable (its id names the report). */
export async function createRoundtable(baseUrl: string, title: string): Promise<RoundtableRecord> {
  const closingAt = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString()
  const event = await requestJson<EventRecord>(`${baseUrl}/api/events`, { title: `E2E ${title}`, closingAt })
  return requestJson<RoundtableRecord>(`${baseUrl}/api/events/${event.id}/roundtables`, { title })
}

/** A rapporteur or viewer invite for one roundtable; its `url` signs the holder in. */
export function createRoundtableInvite(
  baseUrl: string,
  roundtableId: string,
  role: 'rapporteur' | 'viewer',
): Promise<CreatedInviteRecord> {
  return requestJson(`${baseUrl}/api/roundtables/${roundtableId}/invites`, { role, label: `e2e ${role}` })
}

/** The demo roundtable the server seeds on its first start. */
export async function findDemoRoundtable(baseUrl: string): Promise<RoundtableRecord> {
  const { events } = await requestJson<{ events: EventRecord[] }>(`${baseUrl}/api/events`)
  for (const event of events) {
    const { roundtables } = await requestJson<{ roundtables: RoundtableRecord[] }>(
      `${baseUrl}/api/events/${event.id}/roundtables`,
    )
    const demo = roundtables.find((roundtable) => roundtable.title === 'South-South mobility and migration')
    if (demo) return demo
  }
  throw new Error('The demo roundtable was not seeded')
}

/** Another roundtable in an existing event (e.g. the demo event). */
export function createRoundtableInEvent(baseUrl: string, eventId: string, title: string): Promise<RoundtableRecord> {
  return requestJson(`${baseUrl}/api/events/${eventId}/roundtables`, { title })
}

/** A chair invite for the whole event; its `url` signs the chair in. */
export function createChairInvite(baseUrl: string, eventId: string): Promise<CreatedInviteRecord> {
  return requestJson(`${baseUrl}/api/events/${eventId}/invites`, { role: 'chair', label: 'e2e chair' })
}
