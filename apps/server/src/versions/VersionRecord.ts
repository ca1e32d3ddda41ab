/** How a version came to be: saved by hand, after a stretch of editing, when marked ready, or before a restore. */
export type VersionKind = 'manual' | 'auto' | 'ready' | 'restore'

export const VERSION_KINDS: readonly VersionKind[] = ['manual', 'auto', 'ready', 'restore']

/** A version as the API lists it. */
export interface VersionSummary {
  readonly id: string
  readonly name: string
  readonly kind: VersionKind
  /** ISO time it was taken. */
  readonly createdAt: string
  /** Display name of whoever (or whatever) took it. */
  readonly createdBy: string
}

/** A stored version: the report's whole state (`Y.encodeStateAsUpdate`) at that moment. */
export interface VersionRecord extends VersionSummary {
  readonly roundtableId: string
  readonly state: Uint8Array
}
