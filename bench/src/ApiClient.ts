/** What `GET /api/metrics` answers (organizer only). */
export interface ServerMetrics {
  readonly cpuUserMs: number
  readonly cpuSystemMs: number
  readonly progressCpuMs: number
  readonly progressComputations: number
  readonly rssBytes: number
  readonly heapUsedBytes: number
  readonly openDocuments: number
  readonly connections: number
}

export interface CreatedEvent {
  readonly id: string
}

export interface CreatedRoundtable {
  readonly id: string
}

export interface CreatedInvite {
  readonly id: string
  readonly token: string
}

/** The organizer's side of the server's JSON API, as much as the bench needs. */
export class ApiClient {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  createEvent(title: string, closingAt: Date): Promise<CreatedEvent> {
    return this.request('POST', '/api/events', { title, closingAt: closingAt.toISOString() })
  }

  createRoundtable(eventId: string, title: string): Promise<CreatedRoundtable> {
    return this.request('POST', `/api/events/${eventId}/roundtables`, { title })
  }

  createRapporteurInvite(roundtableId: string, label: string): Promise<CreatedInvite> {
    return this.request('POST', `/api/roundtables/${roundtableId}/invites`, { role: 'rapporteur', label })
  }

  createChairInvite(eventId: string, label: string): Promise<CreatedInvite> {
    return this.request('POST', `/api/events/${eventId}/invites`, { role: 'chair', label })
  }

  metrics(): Promise<ServerMetrics> {
    return this.request('GET', '/api/metrics')
  }

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` }
    if (body !== undefined) headers['content-type'] = 'application/json'
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`)
    return JSON.parse(text) as T
  }
}
