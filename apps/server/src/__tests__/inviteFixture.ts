import type { RunningServer } from '../createServer.js'
import { postJson } from './testServer.js'

export interface CreatedInvite {
  id: string
  token: string
  url: string
  role: string
  eventId: string
  roundtableId: string | null
  label: string | null
  expiresAt: string
  createdAt: string
}

/** Two events: A with roundtables a1 and a2, B with b1; and an invite of every role, made by the organizer. */
export interface InviteFixture {
  eventA: string
  eventB: string
  a1: string
  a2: string
  b1: string
  rapporteurA1: CreatedInvite
  viewerA1: CreatedInvite
  chairA: CreatedInvite
  rapporteurB1: CreatedInvite
}

async function created<T>(response: Promise<{ status: number; body: unknown }>): Promise<T> {
  const { status, body } = await response
  if (status !== 201) throw new Error(`Expected 201, got ${status}: ${JSON.stringify(body)}`)
  return body as T
}

export async function createEvent(server: RunningServer, title: string): Promise<string> {
  return (await created<{ id: string }>(postJson(`${server.url}/api/events`, { title, closingAt: '2099-06-30T17:00:00Z' }))).id
}

export async function createRoundtable(server: RunningServer, eventId: string, title: string): Promise<string> {
  return (await created<{ id: string }>(postJson(`${server.url}/api/events/${eventId}/roundtables`, { title }))).id
}

export function createRoundtableInvite(
  server: RunningServer,
  roundtableId: string,
  body: Record<string, unknown>,
): Promise<CreatedInvite> {
  return created(postJson(`${server.url}/api/roundtables/${roundtableId}/invites`, body))
}

export function createChairInvite(server: RunningServer, eventId: string, body: Record<string, unknown> = {}): Promise<CreatedInvite> {
  return created(postJson(`${server.url}/api/events/${eventId}/invites`, { role: 'chair', ...body }))
}

export async function createInviteFixture(server: RunningServer): Promise<InviteFixture> {
  const eventA = await createEvent(server, 'Event A')
  const eventB = await createEvent(server, 'Event B')
  const a1 = await createRoundtable(server, eventA, 'A one')
  const a2 = await createRoundtable(server, eventA, 'A two')
  const b1 = await createRoundtable(server, eventB, 'B one')
  return {
    eventA,
    eventB,
    a1,
    a2,
    b1,
    rapporteurA1: await createRoundtableInvite(server, a1, { role: 'rapporteur', label: 'Amina' }),
    viewerA1: await createRoundtableInvite(server, a1, { role: 'viewer' }),
    chairA: await createChairInvite(server, eventA),
    rapporteurB1: await createRoundtableInvite(server, b1, { role: 'rapporteur' }),
  }
}
