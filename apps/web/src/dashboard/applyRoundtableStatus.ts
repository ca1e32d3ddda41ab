import type { RoundtableStatus } from '@rapporteur/template'

/**
 * The roundtables with `status` in place of the one with the same id, or appended when it is new
 * (a roundtable created while the dashboard is open). Order is kept, so cards do not jump.
 */
export function applyRoundtableStatus(
  roundtables: readonly RoundtableStatus[],
  status: RoundtableStatus,
): readonly RoundtableStatus[] {
  const index = roundtables.findIndex((roundtable) => roundtable.id === status.id)
  if (index === -1) return [...roundtables, status]
  return roundtables.map((roundtable, at) => (at === index ? status : roundtable))
}
