import type { Connection } from '@rapporteur/collab'
import { principalOf } from '../auth/principalOf.js'
import { Role } from '../auth/Role.js'

/** Organizer and rapporteur connections write; chair and viewer ones only read. */
export function isWriter(connection: Connection): boolean {
  const role = principalOf(connection)?.role
  return role === Role.Organizer || role === Role.Rapporteur
}
