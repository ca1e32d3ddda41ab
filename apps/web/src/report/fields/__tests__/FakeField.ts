import type { BoundField } from '../BoundField'

/** An input as a binding sees it, with the browser's part of typing (the edit at the selection, the caret after it). */
export class FakeField implements BoundField {
  value = ''
  selectionStart = 0
  selectionEnd = 0
  focused = true

  setSelectionRange(start: number, end: number): void {
    this.selectionStart = start
    this.selectionEnd = end
  }

  select(start: number, end = start): void {
    this.setSelectionRange(start, end)
  }

  /** What the browser does on a key press before the `input` event: replace the selection, caret after. */
  type(text: string): void {
    this.value = this.value.slice(0, this.selectionStart) + text + this.value.slice(this.selectionEnd)
    this.select(this.selectionStart + text.length)
  }

  backspace(): void {
    if (this.selectionStart === this.selectionEnd && this.selectionStart > 0) this.select(this.selectionStart - 1, this.selectionEnd)
    this.type('')
  }
}
