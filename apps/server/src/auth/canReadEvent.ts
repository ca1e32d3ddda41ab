import type { Principal } from './Principal.js'
import { Role } from './Role.js'

/** Whether the principal may read an event and list its roundtables: the organizer, or the event's chair. */
export function canReadEvent(principal: Principal, eventId: string): boolean {
  if (principal.role === Role.Organizer) return true
  return principal.role === Role.Chair && principal.eventId === eventId
}
