import type { ReportFlag, ReportProgress, ReportReadiness, TemplateDefinition } from '../types.js'

const MINUTE = 60_000

/** What `reportFlags` needs to know about a report besides its template. */
export interface ReportFlagInput {
  readonly progress: ReportProgress
  readonly ready: ReportReadiness | null
  /** People connected to the report now, with their role (`rapporteur`, `organizer`, `chair`, `viewer`, or null). */
  readonly present: readonly { readonly role: string | null }[]
  /** When a rapporteur was last connected (ISO 8601), or null if never. */
  readonly lastPresentAt: string | null
}

const WRITER_ROLES = new Set(['rapporteur', 'organizer'])

/**
 * The flags that help the chair act on one report, from the template's thresholds: sections still empty as the
 * closing session nears, bullets longer than "concise", quotes whose consent is still pending, and no rapporteur
 * connected for a while. Time-dependent: evaluate again as the clock moves.
 */
export function reportFlags(
  report: ReportFlagInput,
  template: TemplateDefinition,
  clock: { readonly now: Date; readonly closingAt: string },
): ReportFlag[] {
  const flags: ReportFlag[] = []
  const minutesToClosing = (Date.parse(clock.closingAt) - clock.now.getTime()) / MINUTE
  const empty = report.progress.sections.filter((section) => section.state === 'empty')
  if (empty.length > 0 && minutesToClosing <= template.alerts.emptySectionsBeforeClosingMinutes) {
    flags.push({ kind: 'empty-sections', sectionIds: empty.map((section) => section.sectionId) })
  }
  const long = report.progress.sections.filter((section) => section.longBullets > 0)
  if (long.length > 0) {
    const count = long.reduce((sum, section) => sum + section.longBullets, 0)
    flags.push({ kind: 'long-bullets', sectionIds: long.map((section) => section.sectionId), count })
  }
  if (report.progress.quotes.pending > 0) flags.push({ kind: 'pending-quotes', count: report.progress.quotes.pending })
  const writerPresent = report.present.some((person) => person.role !== null && WRITER_ROLES.has(person.role))
  if (!writerPresent && report.ready === null) {
    const since = report.lastPresentAt === null ? null : Date.parse(report.lastPresentAt)
    const minutes = since === null ? null : Math.floor((clock.now.getTime() - since) / MINUTE)
    if (minutes === null || minutes >= template.alerts.rapporteurAbsentMinutes) flags.push({ kind: 'no-rapporteur', minutes })
  }
  return flags
}
