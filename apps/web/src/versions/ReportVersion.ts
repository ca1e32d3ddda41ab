import type { ReportContent } from '@rapporteur/template'

export type VersionKind = 'manual' | 'auto' | 'ready' | 'restore'

/** A version as `GET /api/roundtables/:id/versions` lists it. */
export interface VersionSummary {
  readonly id: string
  readonly name: string
  readonly kind: VersionKind
  readonly createdAt: string
  readonly createdBy: string
}

/** One version with the report's content at that moment. */
export interface VersionWithContent extends VersionSummary {
  readonly content: ReportContent
}

/** How each kind of version is labelled in the list. */
export const VERSION_KIND_LABELS: Readonly<Record<VersionKind, string>> = {
  manual: 'Saved',
  auto: 'Automatic',
  ready: 'Ready',
  restore: 'Before a restore',
}
