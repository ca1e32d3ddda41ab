import type { DocumentStore, Logger } from '@rapporteur/collab'
import type { ReportReadiness } from '@rapporteur/template'
import type { SqliteCatalog } from '../storage/SqliteCatalog.js'
import type { FeedHub } from './FeedHub.js'
import type { SqliteReportStatus } from './SqliteReportStatus.js'

export interface ReportMonitorOptions {
  readonly catalog: Pick<SqliteCatalog, 'getEvent' | 'getRoundtable' | 'listRoundtables'>
  readonly statusStore: SqliteReportStatus
  /** Where reports nobody has open are read from (never by opening a room). */
  readonly documentStore: Pick<DocumentStore, 'load'>
  readonly hub: FeedHub
  readonly logger: Logger
  /** Progress: quiet time after the last change (default 100 ms) and longest wait in a busy burst (300 ms). */
  readonly progressWaitMs?: number
  readonly progressMaxWaitMs?: number
  /**
   * A report opened with a stored status is computed once more this long after it loaded (default 2000 ms), in case
   * the server stopped inside a debounce window; an edit computes it sooner.
   */
  readonly recheckAfterLoadMs?: number
  /** Longest a slice of an open report's progress computation runs before yielding (default 2 ms; 0: one step). */
  readonly progressSliceMs?: number
  /** Presence: quiet time after the last awareness change (default 100 ms) and longest wait (300 ms). */
  readonly presenceWaitMs?: number
  readonly presenceMaxWaitMs?: number
  /** While a writer is connected, `lastPresentAt` is moved to now this often (default 60 000 ms). */
  readonly presentRefreshMs?: number
  readonly now?: () => Date
  /**
   * Told, from the debounced progress computation (never on the relay path), when an open report was edited and
   * when it became ready (meta `ready` from empty to a time): the automatic versions.
   */
  readonly autoVersions?: ReportActivityListener
}

/** What the automatic versions need to hear from the monitor. */
export interface ReportActivityListener {
  reportEdited(roundtableId: string): void
  reportBecameReady(roundtableId: string, ready: ReportReadiness): void
}
