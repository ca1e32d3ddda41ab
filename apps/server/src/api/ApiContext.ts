import type { Logger } from '@rapporteur/collab'
import type { SqliteInvites } from '../auth/SqliteInvites.js'
import type { PrincipalResolution } from '../auth/resolvePrincipal.js'
import type { ReportMonitor } from '../dashboard/ReportMonitor.js'
import type { SqliteCatalog } from '../storage/SqliteCatalog.js'
import type { ReportVersions } from '../versions/ReportVersions.js'

/** What the API's routes work with. */
export interface ApiContext {
  readonly catalog: SqliteCatalog
  readonly invites: SqliteInvites
  /** `resolvePrincipal` bound to the organizer token and the invites. */
  readonly resolvePrincipal: (token: string | null) => PrincipalResolution
  /** Writes a server-side Yjs update into the report document named `roundtableId`. */
  readonly writeReportUpdate: (roundtableId: string, update: Uint8Array) => Promise<void>
  /** Closes every open websocket (4410) and ends every event feed signed in with this invite; returns how many. */
  readonly closeInviteConnections: (inviteId: string) => number
  /** Each roundtable's status, for the chair's feed; told about new roundtables. */
  readonly monitor: ReportMonitor
  /** The reports' named versions: taken, read and restored. */
  readonly versions: ReportVersions
  /** The server's figures for `GET /api/metrics`. */
  readonly readMetrics: () => ServerMetrics
  readonly logger: Logger
  /** Base of sign-in links (`PUBLIC_URL`). Default: the origin of the request. */
  readonly publicUrl?: string
  /** Default `() => new Date()`. */
  readonly now?: () => Date
}

/** `GET /api/metrics`: the process's CPU and memory, the share spent on report progress, and the open documents. */
export interface ServerMetrics {
  readonly cpuUserMs: number
  readonly cpuSystemMs: number
  readonly progressCpuMs: number
  readonly progressComputations: number
  readonly rssBytes: number
  readonly heapUsedBytes: number
  readonly openDocuments: number
  readonly connections: number
}
