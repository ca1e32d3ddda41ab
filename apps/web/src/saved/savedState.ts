/** What the saved-state indicator shows; also the value of its `data-saved-state` attribute. */
export type SavedStateKind = 'saved' | 'unsaved' | 'failing'

export interface SavedState {
  readonly kind: SavedStateKind
  /** Local update transactions the server has not acknowledged as durable yet. */
  readonly pending: number
}
