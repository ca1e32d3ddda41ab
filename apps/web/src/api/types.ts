/** A conference whose roundtables report to a closing session. */
export interface ConferenceEvent {
  readonly id: string
  readonly title: string
  /** ISO 8601 date-time of the closing session. */
  readonly closingAt: string
  readonly createdAt: string
}

/** One roundtable discussion; its report is the collaborative document named by `id`. */
export interface Roundtable {
  readonly id: string
  readonly eventId: string
  readonly title: string
  readonly templateId: string
  readonly createdAt: string
}

/** `GET /api/roundtables/:id` also names the event, so the report can count down to its closing session. */
export interface RoundtableWithEvent extends Roundtable {
  readonly event?: Pick<ConferenceEvent, 'id' | 'title' | 'closingAt'>
}

export interface ConferenceEventWithRoundtables extends ConferenceEvent {
  readonly roundtables: readonly Roundtable[]
}

/** Who an invite signs in: a rapporteur or viewer of one roundtable, or the chair of one event. */
export type InviteRole = 'rapporteur' | 'viewer' | 'chair'

/** An invite link as listed to the organizer: never its token (the server keeps only a hash). */
export interface Invite {
  readonly id: string
  readonly role: InviteRole
  readonly eventId: string
  /** Null for a chair invite, which covers the whole event. */
  readonly roundtableId: string | null
  readonly label?: string | null
  readonly expiresAt: string
  readonly createdAt: string
  readonly revokedAt?: string | null
}

/** The answer to creating an invite: the only time its token and sign-in URL are shown. */
export interface CreatedInvite extends Invite {
  readonly token: string
  readonly url: string
}

export interface CreateInviteInput {
  readonly role: InviteRole
  readonly label?: string
  /** ISO date-time; the server defaults to a week after the event's closing session. */
  readonly expiresAt?: string
}

/** Invites are created for one roundtable (rapporteur, viewer) or for the event (chair). */
export type InviteScope = { readonly kind: 'roundtable' | 'event'; readonly id: string }

/** `GET /api/events/:id/sections/:sectionId?format=json`: one section of every roundtable's report. */
export interface SectionAcross {
  readonly event: { readonly id: string; readonly title: string }
  readonly section: { readonly id: string; readonly title: string }
  /** The sections of the event's template, in order, for a picker. */
  readonly sections: readonly { readonly id: string; readonly title: string }[]
  readonly title: string
  /** The section of every roundtable as HTML, rendered and escaped by the server (`compileSection`). */
  readonly article: string
  readonly roundtables: readonly {
    readonly title: string
    readonly ready: { readonly at: string; readonly by: string } | null
    readonly changedSinceReady: { readonly lastEditAt: string | null } | null
  }[]
}
