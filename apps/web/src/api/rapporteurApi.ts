import { requestJson } from './requestJson'
import type { ConferenceEvent, ConferenceEventWithRoundtables, Roundtable } from './types'

const segment = encodeURIComponent

/** Typed calls to the Rapporteur HTTP API (see the server contract). */
export const rapporteurApi = {
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
  getRoundtable(roundtableId: string, signal?: AbortSignal): Promise<Roundtable> {
    return requestJson(`/api/roundtables/${segment(roundtableId)}`, { signal })
  },
} as const
