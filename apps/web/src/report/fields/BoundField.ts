/** What a text binding needs of an `<input>` or `<textarea>` (tests pass a plain object). */
export interface BoundField {
  value: string
  readonly selectionStart: number | null
  readonly selectionEnd: number | null
  /** Which end of a selection the person moves (kept when a co-author's edit remaps the selection). */
  readonly selectionDirection?: 'forward' | 'backward' | 'none' | null
  setSelectionRange(start: number, end: number, direction?: 'forward' | 'backward' | 'none'): void
}
