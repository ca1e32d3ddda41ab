import type { CompiledReportEntry, ReportContent, RoundtableStatus } from '@rapporteur/template'
import type { Principal } from '../auth/Principal.js'
import type { EventRecord } from '../storage/CatalogRecords.js'
import { templateOf } from '../versions/ReportVersions.js'
import type { ApiContext } from './ApiContext.js'

/** The latest status of each of the event's roundtables (for `lastEditAt`), from the monitor's snapshot. */
async function statusesOf(context: Pick<ApiContext, 'monitor'>, eventId: string, principal: Principal): Promise<Map<string, RoundtableStatus>> {
  // Subscribed for the snapshot only, and unsubscribed at once.
  const subscription = await context.monitor.subscribe(eventId, { principal, send: () => undefined, end: () => undefined })
  if (subscription === undefined) return new Map()
  subscription.unsubscribe()
  return new Map(subscription.snapshot.roundtables.map((status) => [status.id, status]))
}

/**
 * Whether the report's content differs from its latest `ready` version (the version taken when it was marked
 * ready). Content, not times, decides: marking ready is itself an edit a few milliseconds after its own time.
 * False while that version is not taken yet.
 */
function differsFromReadyVersion(context: Pick<ApiContext, 'versions'>, roundtable: { id: string; templateId: string }, content: ReportContent): boolean {
  const summary = context.versions.list(roundtable.id).find((version) => version.kind === 'ready')
  const version = summary === undefined ? undefined : context.versions.get(roundtable.id, summary.id)
  if (version === undefined) return false
  return JSON.stringify(context.versions.content(version, templateOf(roundtable))) !== JSON.stringify(content)
}

/**
 * Every roundtable of the event as the compiled report takes it, in the catalog's order: its current content,
 * its readiness, and whether it changed since it was marked ready (with its last edit time).
 */
export async function compiledReportEntries(
  context: Pick<ApiContext, 'catalog' | 'versions' | 'monitor'>,
  event: EventRecord,
  principal: Principal,
): Promise<CompiledReportEntry[]> {
  const statuses = await statusesOf(context, event.id, principal)
  const entries: CompiledReportEntry[] = []
  for (const roundtable of context.catalog.listRoundtables(event.id)) {
    const { content, ready } = await context.versions.current(roundtable)
    const changed = ready !== null && differsFromReadyVersion(context, roundtable, content)
    entries.push({
      title: roundtable.title,
      template: templateOf(roundtable),
      report: content,
      ready,
      changedSinceReady: changed ? { lastEditAt: statuses.get(roundtable.id)?.lastEditAt ?? null } : null,
    })
  }
  return entries
}
