import type { PresentPerson } from '@rapporteur/template'

/** What presence reading needs of a y-protocols `Awareness`. */
export interface AwarenessStates {
  getStates(): Map<number, unknown>
}

/** Longest name, colour, role or section kept from a client's awareness state. */
const MAX_FIELD_LENGTH = 120

/**
 * The people in a document's awareness states (`user.name`, `user.color`, `role`, `section`), ordered by client
 * id. States without a `user.name` (clients that share no presence) are left out. Clients write these states
 * themselves, so every field is checked and bounded.
 */
export function readPresence(awareness: AwarenessStates): PresentPerson[] {
  const people: PresentPerson[] = []
  for (const [clientId, state] of awareness.getStates()) {
    const user = field(state, 'user')
    const name = text(field(user, 'name'))
    if (name === null) continue
    people.push({
      clientId,
      name,
      color: text(field(user, 'color')) ?? '',
      role: text(field(state, 'role')),
      section: text(field(state, 'section')),
    })
  }
  return people.sort((a, b) => a.clientId - b.clientId)
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined
}

function text(value: unknown): string | null {
  return typeof value === 'string' ? value.slice(0, MAX_FIELD_LENGTH) : null
}
