/** Creates an event, one roundtable and `count` rapporteur invites through the API as the organizer. */
export async function createRapporteurInvites(
  serverUrl: string,
  adminToken: string,
  count: number,
): Promise<{ roundtableId: string; tokens: string[] }> {
  const post = async (url: string, body: unknown): Promise<Record<string, unknown>> => {
    const response = await fetch(`${serverUrl}${url}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (response.status !== 201) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`)
    return (await response.json()) as Record<string, unknown>
  }
  const event = await post('/api/events', { title: 'Durability', closingAt: '2099-06-30T17:00:00Z' })
  const roundtable = await post(`/api/events/${String(event.id)}/roundtables`, { title: 'Crash-proof notes' })
  const roundtableId = String(roundtable.id)
  const tokens: string[] = []
  for (let index = 0; index < count; index++) {
    const invite = await post(`/api/roundtables/${roundtableId}/invites`, { role: 'rapporteur', label: `r${index}` })
    tokens.push(String(invite.token))
  }
  return { roundtableId, tokens }
}
