import type { RoundtableScope } from './canRead.js'
import type { Principal } from './Principal.js'
import { Role } from './Role.js'

/** Whether the principal may change a roundtable's report: the organizer, or one of its rapporteurs. */
export function canWrite(principal: Principal, roundtable: RoundtableScope): boolean {
  if (principal.role === Role.Organizer) return true
  return principal.role === Role.Rapporteur && principal.roundtableId === roundtable.id
}
