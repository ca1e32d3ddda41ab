import type { Awareness } from 'y-protocols/awareness'
import type { Person } from './Person'

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/** Everyone with a `user` in awareness, the local person first, then by name. Ignores malformed states. */
export function readPeople(awareness: Awareness): readonly Person[] {
  const people: Person[] = []
  awareness.getStates().forEach((state, clientId) => {
    const user = isRecord(state) ? state['user'] : undefined
    if (!isRecord(user) || typeof user['name'] !== 'string') return
    const section = state['section']
    const role = state['role']
    people.push({
      clientId,
      name: user['name'],
      color: typeof user['color'] === 'string' ? user['color'] : '#868e96',
      section: typeof section === 'string' ? section : null,
      role: typeof role === 'string' ? role : null,
      isLocal: clientId === awareness.clientID,
    })
  })
  return people.sort((a, b) => Number(b.isLocal) - Number(a.isLocal) || a.name.localeCompare(b.name) || a.clientId - b.clientId)
}
