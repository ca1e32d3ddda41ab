import type { ApiClient } from './ApiClient.js'

export interface ScenarioRoom {
  readonly roundtableId: string
  readonly rapporteurTokens: readonly string[]
}

export interface Scenario {
  readonly eventId: string
  readonly chairToken: string
  readonly rooms: readonly ScenarioRoom[]
}

/**
 * Through the organizer API: one event closing in two hours, `roundtables` roundtables, `rapporteurs`
 * rapporteur invites per roundtable and one chair invite for the event.
 */
export async function setupScenario(api: ApiClient, roundtables: number, rapporteurs: number): Promise<Scenario> {
  const event = await api.createEvent('Bench conference', new Date(Date.now() + 2 * 60 * 60 * 1000))
  const rooms: ScenarioRoom[] = []
  for (let index = 0; index < roundtables; index += 1) {
    const roundtable = await api.createRoundtable(event.id, `Bench roundtable ${index + 1}`)
    const rapporteurTokens: string[] = []
    for (let person = 0; person < rapporteurs; person += 1) {
      const invite = await api.createRapporteurInvite(roundtable.id, `Bench rapporteur ${index + 1}.${person + 1}`)
      rapporteurTokens.push(invite.token)
    }
    rooms.push({ roundtableId: roundtable.id, rapporteurTokens })
  }
  const chair = await api.createChairInvite(event.id, 'Bench chair')
  return { eventId: event.id, chairToken: chair.token, rooms }
}
