import type * as Y from 'yjs'
import { mapCaretThroughEdit } from '../mapCaretThroughEdit'
import type { BoundField } from './BoundField'
import { diffFieldEdit, type FieldEdit } from './diffFieldEdit'
import { mapIndexThroughDelta } from './mapIndexThroughDelta'
import { mapRangeThroughDelta, type TextRange } from './mapRangeThroughDelta'
import type { TextDelta } from './TextDelta'
import type { TextFieldSource } from './TextFieldSource'

/** The calls a field's events make into its binding. */
export interface TextBinding {
  /** After an `input` event: writes the person's edit (ignored while composing). */
  input(): void
  compositionStart(): void
  /** Writes what the composition produced. */
  compositionEnd(): void
  destroy(): void
}

export interface TextBindingOptions {
  /** Origin of the transactions of the person's edits (what their undo manager tracks). */
  readonly origin: unknown
  readonly hasFocus: () => boolean
}

/**
 * Binds a text field to a `Y.Text` character by character. A co-author's change is shown in the field at once,
 * in the observer, with the caret and selection mapped through the change's delta; so at an `input` event the
 * field holds exactly the shown text plus the person's edit, and only that edit is written. During an IME
 * composition the field is left alone: changes that arrive meanwhile wait, and the composed text is written at
 * `compositionend`, placed through them (never over a co-author's words).
 */
export function createTextBinding(field: BoundField, source: TextFieldSource, options: TextBindingOptions): TextBinding {
  let text: Y.Text | null = null
  /** The text as last shown in the field: the base of the person's next edit. */
  let shown = ''
  let composing = false
  /** Changes that arrived since `shown` and are not in the field yet; null once a replaced field lost their track. */
  let waiting: TextDelta[] | null = []
  let writing = false

  const show = (value: string, mapCaret: (index: number, moveWithInsert: boolean) => number) => {
    shown = value
    if (field.value === value) return
    const focused = options.hasFocus()
    const start = field.selectionStart ?? field.value.length
    const end = field.selectionEnd ?? field.value.length
    const direction = field.selectionDirection ?? undefined
    field.value = value
    if (!focused) return
    // A collapsed caret stays before words inserted at it; a selection does not grow to take them in.
    const from = mapCaret(start, start !== end)
    field.setSelectionRange(from, start === end ? from : Math.max(from, mapCaret(end, false)), direction)
  }

  const onChange = (event: Y.YTextEvent) => {
    if (writing || text === null) return
    if (composing) {
      waiting?.push(event.delta)
      return
    }
    const delta: TextDelta = event.delta
    const before = field.value
    const inStep = before === shown
    const value = text.toString()
    show(value, (index, moveWithInsert) =>
      inStep ? mapIndexThroughDelta(delta, index, moveWithInsert) : mapCaretThroughEdit(before, value, index),
    )
  }

  const follow = () => {
    const next = source.current()
    if (next === text) return
    text?.unobserve(onChange)
    text = typeof next === 'string' ? null : next
    text?.observe(onChange)
    if (writing) return
    if (composing) {
      waiting = null
      return
    }
    const value = typeof next === 'string' ? next : next.toString()
    const before = field.value
    show(value, (index) => mapCaretThroughEdit(before, value, index))
  }

  /** Writes `edit` (made on `shown`) through the changes that arrived since; returns where the caret goes. */
  const write = (edit: FieldEdit, through: TextDelta[] | null): number | null => {
    const target = source.writable()
    if (target === null || target.doc === null) return null
    const current = target.toString()
    let ranges: TextRange[] = edit.removed > 0 ? [[edit.index, edit.index + edit.removed]] : []
    let index = edit.index
    if (through === null) {
      index = mapCaretThroughEdit(shown, current, index)
      ranges = ranges.map(([start, end]) => [mapCaretThroughEdit(shown, current, start), mapCaretThroughEdit(shown, current, end)])
    } else {
      for (const delta of through) {
        index = mapIndexThroughDelta(delta, index)
        ranges = ranges.flatMap((range) => mapRangeThroughDelta(delta, range))
      }
    }
    target.doc.transact(() => {
      for (const [start, end] of [...ranges].reverse()) if (end > start) target.delete(start, end - start)
      if (edit.inserted.length > 0) target.insert(index, edit.inserted)
    }, options.origin)
    return index + edit.inserted.length
  }

  const commit = () => {
    const typed = field.value
    const through = waiting
    waiting = []
    const edit = diffFieldEdit(shown, typed, field.selectionEnd ?? typed.length)
    let caret: number | null = null
    writing = true
    try {
      if (edit !== null) caret = write(edit, through)
    } finally {
      writing = false
    }
    follow()
    const value = text === null ? (source.current() as string) : text.toString()
    show(value, (index, moveWithInsert) => {
      if (caret !== null) return caret
      if (edit === null && through !== null) return through.reduce((at, delta) => mapIndexThroughDelta(delta, at, moveWithInsert), index)
      return mapCaretThroughEdit(typed, value, index)
    })
  }

  const unwatch = source.watch(follow)
  follow()

  return {
    input: () => {
      if (!composing) commit()
    },
    compositionStart: () => {
      composing = true
    },
    compositionEnd: () => {
      composing = false
      commit()
    },
    destroy: () => {
      unwatch()
      text?.unobserve(onChange)
      text = null
    },
  }
}
