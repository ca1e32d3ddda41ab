import type { Logger } from '@rapporteur/collab'
import type { SqliteInvites } from '../auth/SqliteInvites.js'
import type { PrincipalResolution } from '../auth/resolvePrincipal.js'
import type { SqliteCatalog } from '../storage/SqliteCatalog.js'

/** What the API's routes work with. */
export interface ApiContext {
  readonly catalog: SqliteCatalog
  readonly invites: SqliteInvites
  /** `resolvePrincipal` bound to the organizer token and the invites. */
  readonly resolvePrincipal: (token: string | null) => PrincipalResolution
  /** Writes a server-side Yjs update into the report document named `roundtableId`. */
  readonly writeReportUpdate: (roundtableId: string, update: Uint8Array) => Promise<void>
  /** Closes every open websocket signed in with this invite (4410); returns how many. */
  readonly closeInviteConnections: (inviteId: string) => number
  readonly logger: Logger
  /** Base of sign-in links (`PUBLIC_URL`). Default: the origin of the request. */
  readonly publicUrl?: string
  /** Default `() => new Date()`. */
  readonly now?: () => Date
}
