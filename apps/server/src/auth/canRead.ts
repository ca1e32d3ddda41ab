import type { Principal } from './Principal.js'
import { Role } from './Role.js'

/** What access rules need to know of a roundtable. */
export interface RoundtableScope {
  readonly id: string
  readonly eventId: string
}

/**
 * Whether the principal may read a roundtable and its report: the organizer; the chair of its event; its
 * rapporteurs and viewers.
 */
export function canRead(principal: Principal, roundtable: RoundtableScope): boolean {
  switch (principal.role) {
    case Role.Organizer:
      return true
    case Role.Chair:
      return principal.eventId === roundtable.eventId
    case Role.Rapporteur:
    case Role.Viewer:
      return principal.roundtableId === roundtable.id
  }
}
