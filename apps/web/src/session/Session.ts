/** What a token allows; the server decides, the app only adapts what it shows. */
export type Role = 'organizer' | 'rapporteur' | 'chair' | 'viewer'

/** `GET /api/session`: who the stored token signs in as, and the event or roundtable it is scoped to. */
export interface Session {
  readonly role: Role
  readonly eventId?: string
  readonly roundtableId?: string
  /** ISO date-time after which the invite stops working; absent for the organizer. */
  readonly expiresAt?: string
}

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  organizer: 'Organizer',
  rapporteur: 'Rapporteur',
  chair: 'Chair',
  viewer: 'Viewer',
}

/** Organizers and rapporteurs write reports; chairs and viewers only read them (the server enforces it). */
export function canEditReports(role: Role): boolean {
  return role === 'organizer' || role === 'rapporteur'
}
