/**
 * Who someone is to the server. `organizer`: everything. `rapporteur`: reads and writes one roundtable's
 * report. `chair`: reads every report of one event, live, writes none. `viewer`: reads one report.
 */
export const Role = {
  Organizer: 'organizer',
  Rapporteur: 'rapporteur',
  Chair: 'chair',
  Viewer: 'viewer',
} as const

export type Role = (typeof Role)[keyof typeof Role]

/** Roles given by invite links (the organizer's comes from `ADMIN_TOKEN`). */
export type InviteRole = Exclude<Role, 'organizer'>

/** Invite roles scoped to one roundtable. */
export const ROUNDTABLE_INVITE_ROLES: readonly InviteRole[] = [Role.Rapporteur, Role.Viewer]

/** Invite roles scoped to one event. */
export const EVENT_INVITE_ROLES: readonly InviteRole[] = [Role.Chair]
