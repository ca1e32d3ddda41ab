import type { RoundtableStatus } from '@rapporteur/template'
import type { RoundtableRecord } from '../storage/CatalogRecords.js'
import type { ReportState } from './computeReportState.js'

/** A roundtable's first status, from its computed state: never edited, nobody present. */
export function initialStatus(roundtable: RoundtableRecord, state: ReportState): RoundtableStatus {
  return {
    id: roundtable.id,
    title: roundtable.title,
    templateId: roundtable.templateId,
    progress: state.progress,
    ready: state.ready,
    lastEditAt: null,
    present: [],
    lastPresentAt: null,
  }
}

/** A stored status with the catalog's title and template, and nobody present (the stored one is old). */
export function withRoundtable(stored: RoundtableStatus, roundtable: RoundtableRecord): RoundtableStatus {
  return { ...stored, id: roundtable.id, title: roundtable.title, templateId: roundtable.templateId, present: [] }
}
