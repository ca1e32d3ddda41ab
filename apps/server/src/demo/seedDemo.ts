import type { Logger } from '@rapporteur/collab'
import { roundtableReportTemplate } from '@rapporteur/template'
import type { RoundtableRecord } from '../storage/CatalogRecords.js'
import type { SqliteCatalog } from '../storage/SqliteCatalog.js'
import { createId } from '../storage/createId.js'
import { demoReportUpdate } from './demoReportUpdate.js'

/** Settings key recording that the demo was seeded once, so deleting it later does not bring it back. */
export const DEMO_SEEDED_SETTING = 'demo_seeded_at'

export const DEMO_EVENT_TITLE = 'Demo conference'
export const DEMO_ROUNDTABLE_TITLE = 'South-South mobility and migration'

const DEMO_CLOSES_AFTER_DAYS = 5

export interface SeedDemoOptions {
  readonly catalog: SqliteCatalog
  /** Writes a server-side Yjs update into a report document, durably. */
  readonly writeReportUpdate: (roundtableId: string, update: Uint8Array) => Promise<void>
  readonly logger: Logger
  /** Default `() => new Date()`. */
  readonly now?: () => Date
}

/**
 * On the first start of an empty database, creates the demo event with its filled-in roundtable.
 * Returns the demo roundtable when it was created now, `undefined` otherwise.
 */
export async function seedDemo(options: SeedDemoOptions): Promise<RoundtableRecord | undefined> {
  const { catalog } = options
  if (catalog.getSetting(DEMO_SEEDED_SETTING) !== undefined) return undefined
  const now = options.now?.() ?? new Date()
  if (catalog.listEvents().length > 0) {
    // A database that already holds events was in use before seeding existed: leave it as it is.
    catalog.setSetting(DEMO_SEEDED_SETTING, now.toISOString())
    return undefined
  }
  // The report is stored before the catalog rows, so the roundtable never exists without it.
  const roundtableId = createId()
  await options.writeReportUpdate(roundtableId, demoReportUpdate(DEMO_ROUNDTABLE_TITLE))
  const roundtable = catalog.transaction(() => {
    const closingAt = new Date(now.getTime() + DEMO_CLOSES_AFTER_DAYS * 24 * 60 * 60 * 1000)
    const event = catalog.createEvent({ title: DEMO_EVENT_TITLE, closingAt: closingAt.toISOString() })
    catalog.setSetting(DEMO_SEEDED_SETTING, now.toISOString())
    return catalog.createRoundtable({
      id: roundtableId,
      eventId: event.id,
      title: DEMO_ROUNDTABLE_TITLE,
      templateId: roundtableReportTemplate.id,
    })
  })
  options.logger.info('demo event seeded', { eventId: roundtable.eventId, roundtableId })
  return roundtable
}
