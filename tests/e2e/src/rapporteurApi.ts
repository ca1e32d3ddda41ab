/** The slice of the HTTP API the browser tests use to set up reports. */
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

async function requestJson<T>(url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${response.status} from ${url}: ${await response.text()}`)
  return (await response.json()) as T
}

/** Creates an event with one roundtable and returns the roundtable (its id names the report). */
export async function createRoundtable(baseUrl: string, title: string): Promise<RoundtableRecord> {
  const closingAt = new Date(Date.now() + 3 * 24 * 3600 * 1000).toISOString()
  const event = await requestJson<EventRecord>(`${baseUrl}/api/events`, { title: `E2E ${title}`, closingAt })
  return requestJson<RoundtableRecord>(`${baseUrl}/api/events/${event.id}/roundtables`, { title })
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
