import type { Connection } from './Connection.js'

/**
 * Where an update that no connection of the room sent comes from:
 * - `server`: the server writing on its own behalf (a new report, an upgrade, a consent rewrite);
 * - `restore`: a version being restored;
 * - `peer`: another server instance that applied it first (fan-out), which must not be sent back there.
 */
export type UpdateSource = 'server' | 'restore' | 'peer'

/** The named origin of an update from elsewhere (`CollabServer.applyUpdate`); `label` says more, for logs. */
export interface UpdateOrigin {
  readonly source: UpdateSource
  readonly label?: string
}

/** Who changed a document: one of its connections, or an origin from elsewhere (`CollabHooks.onDocumentChange`). */
export type ChangeOrigin = Connection | UpdateOrigin

/** The origin of `applyServerUpdate`. */
export const SERVER_ORIGIN: UpdateOrigin = Object.freeze({ source: 'server' })

const SOURCES: ReadonlySet<string> = new Set<UpdateSource>(['server', 'restore', 'peer'])

/** Whether `value` is a named origin from elsewhere (not a connection, not a Yjs-internal origin). */
export function isUpdateOrigin(value: unknown): value is UpdateOrigin {
  return typeof value === 'object' && value !== null && SOURCES.has((value as { source?: unknown }).source as string)
}

/** Whether `origin` is another instance's (`peer`): its update is stored by that instance, not again here. */
export function isPeerOrigin(origin: unknown): boolean {
  return isUpdateOrigin(origin) && origin.source === 'peer'
}
