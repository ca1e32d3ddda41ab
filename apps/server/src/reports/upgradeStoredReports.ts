import type { DocumentStore, Logger } from '@rapporteur/collab'
import { getTemplate, upgradeReportLayout } from '@rapporteur/template'
import * as Y from 'yjs'
import type { SqliteCatalog } from '../storage/SqliteCatalog.js'

/** Settings key recording that every stored report was upgraded to document layout v2. */
export const LAYOUT_UPGRADED_SETTING = 'layout_v2_upgraded_at'

export interface UpgradeStoredReportsOptions {
  readonly catalog: Pick<SqliteCatalog, 'getSetting' | 'setSetting' | 'listEvents' | 'listRoundtables'>
  readonly store: Pick<DocumentStore, 'load'>
  /** Writes a server-side Yjs update into a report document, durably. */
  readonly writeReportUpdate: (roundtableId: string, update: Uint8Array) => Promise<void>
  readonly logger: Logger
  /** Default `() => new Date()`. */
  readonly now?: () => Date
}

/**
 * Before the server serves anyone: upgrades every stored report of document layout v1 to v2 (`upgradeReportLayout`),
 * each as one server-side update that keeps every word, and records that it is done, so later starts skip the
 * pass. Reports created since are v2 from the start. A pass cut short (a crash) runs again: reports already
 * upgraded are left unchanged. Returns how many reports it upgraded.
 */
export async function upgradeStoredReports(options: UpgradeStoredReportsOptions): Promise<number> {
  const { catalog, logger } = options
  if (catalog.getSetting(LAYOUT_UPGRADED_SETTING) !== undefined) return 0
  let upgraded = 0
  for (const event of catalog.listEvents()) {
    for (const roundtable of catalog.listRoundtables(event.id)) {
      const template = getTemplate(roundtable.templateId)
      if (template === undefined) {
        logger.warn('Not upgrading a report of an unknown template', { roundtableId: roundtable.id, templateId: roundtable.templateId })
        continue
      }
      const doc = new Y.Doc()
      try {
        for (const record of await options.store.load(roundtable.id)) Y.applyUpdate(doc, record.update)
        const before = Y.encodeStateVector(doc)
        if (!upgradeReportLayout(doc, template)) continue
        await options.writeReportUpdate(roundtable.id, Y.encodeStateAsUpdate(doc, before))
        upgraded++
      } finally {
        doc.destroy()
      }
    }
  }
  catalog.setSetting(LAYOUT_UPGRADED_SETTING, (options.now?.() ?? new Date()).toISOString())
  if (upgraded > 0) logger.info('Upgraded stored reports to document layout v2', { reports: upgraded })
  return upgraded
}
