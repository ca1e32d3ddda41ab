/** The kind of content a section holds in the report's Y.Doc. */
export type SectionKind = 'rich-text' | 'quotes'

/** The kind of value a header field holds; every value is stored as a string in the `meta` map. */
export type MetaFieldKind = 'text' | 'datetime' | 'people'

export interface MetaFieldDefinition {
  /** Key in the report's `meta` Y.Map. Part of the stored layout: never rename. */
  readonly id: string
  readonly label: string
  readonly kind: MetaFieldKind
  readonly placeholder?: string
}

export interface SectionDefinition {
  /** Name of the section's shared type in the Y.Doc. Part of the stored layout: never rename. */
  readonly id: string
  readonly title: string
  /** The template's guidance for this section, shown above it and never editable. */
  readonly guidance: string
  readonly kind: SectionKind
  /** Words from which a started section counts as substantial. */
  readonly substantialWords: number
}

export interface TemplateDefinition {
  readonly id: string
  readonly name: string
  /** Guidance shown at the top of every report written with this template. */
  readonly intro: string
  readonly meta: readonly MetaFieldDefinition[]
  readonly sections: readonly SectionDefinition[]
  /** Longest bullet, in words, that still counts as a concise bullet point. */
  readonly conciseBulletWords: number
  readonly alerts: TemplateAlerts
}

/** When the chair is alerted about a report. */
export interface TemplateAlerts {
  /** Empty sections are flagged from this many minutes before the closing session. */
  readonly emptySectionsBeforeClosingMinutes: number
  /** A report is flagged when no rapporteur has been connected for this many minutes. */
  readonly rapporteurAbsentMinutes: number
}

/** Chatham House consent for naming a quote's speaker. */
export type QuoteConsent = 'pending' | 'approved' | 'anonymous'

export interface Quote {
  readonly text: string
  /** The speaker's name; shown only when `consent` is `approved`. */
  readonly speaker: string
  /** The speaker's organisation; shown only when `consent` is `approved`. */
  readonly affiliation: string
  /** A description that never identifies the speaker, e.g. "South-Asian country"; always shown. */
  readonly description: string
  readonly consent: QuoteConsent
}

/** A ProseMirror node as JSON, the shape Tiptap's `getJSON()` returns. */
export interface RichNode {
  readonly type: string
  readonly attrs?: Readonly<Record<string, unknown>>
  readonly content?: readonly RichNode[]
  readonly text?: string
  readonly marks?: readonly RichMark[]
}

export interface RichMark {
  readonly type: string
  readonly attrs?: Readonly<Record<string, unknown>>
}

/** A whole report's content as plain data: used for demo content, fixtures and seeding. */
export interface ReportContent {
  readonly meta: Readonly<Record<string, string>>
  /** Rich-text sections: the section's body as ProseMirror JSON nodes (paragraph, bulletList, …). */
  readonly sections: Readonly<Record<string, readonly RichNode[]>>
  readonly quotes: readonly Quote[]
}

export type SectionState = 'empty' | 'started' | 'substantial'

export interface SectionProgress {
  readonly sectionId: string
  readonly state: SectionState
  readonly words: number
  readonly bullets: number
  /** Bullets longer than the template's `conciseBulletWords`. */
  readonly longBullets: number
  /** Characters of text. */
  readonly characters: number
}

export interface ReportProgress {
  readonly templateId: string
  readonly sections: readonly SectionProgress[]
  readonly quotes: { readonly total: number; readonly pending: number; readonly approved: number; readonly anonymous: number }
  readonly words: number
  /** Characters of text in the whole report, quotes included. */
  readonly characters: number
}

/** A report marked ready for the closing session: when, and by whom (a display name). */
export interface ReportReadiness {
  readonly at: string
  readonly by: string
}

/** Something about a report the chair should act on. */
export type ReportFlag =
  | { readonly kind: 'empty-sections'; readonly sectionIds: readonly string[] }
  | { readonly kind: 'long-bullets'; readonly sectionIds: readonly string[]; readonly count: number }
  | { readonly kind: 'pending-quotes'; readonly count: number }
  /** `minutes` since a rapporteur was last present, or null when none has ever been. */
  | { readonly kind: 'no-rapporteur'; readonly minutes: number | null }
