import type { Principal } from './Principal.js'
import { Role } from './Role.js'

/** Whether the principal is the organizer, who may do everything. */
export function isOrganizer(principal: Principal): boolean {
  return principal.role === Role.Organizer
}
