import { useLayoutEffect, type RefObject } from 'react'
import type * as Y from 'yjs'
import { createTextBinding } from './createTextBinding'
import { FIELD_EDIT_ORIGIN } from './fieldEditOrigin'
import type { TextFieldSource } from './TextFieldSource'

/**
 * Binds the field behind `ref` to `source` while mounted (see `createTextBinding`), with the person's edits in
 * `FIELD_EDIT_ORIGIN`. The browser's own undo of the field (its Edit menu, a context menu) goes to `undo`
 * instead, and moving into a field starts a new undo step.
 */
export function useTextBinding(
  ref: RefObject<HTMLInputElement | HTMLTextAreaElement | null>,
  source: TextFieldSource,
  undo: Y.UndoManager,
): void {
  useLayoutEffect(() => {
    const field = ref.current
    if (field === null) return
    const binding = createTextBinding(field, source, {
      origin: FIELD_EDIT_ORIGIN,
      hasFocus: () => field.ownerDocument.activeElement === field,
    })
    const onBeforeInput = (event: InputEvent) => {
      if (event.inputType !== 'historyUndo' && event.inputType !== 'historyRedo') return
      event.preventDefault()
      if (event.inputType === 'historyUndo') undo.undo()
      else undo.redo()
    }
    const listeners: [string, (event: never) => void][] = [
      ['input', () => binding.input()],
      ['compositionstart', () => binding.compositionStart()],
      ['compositionend', () => binding.compositionEnd()],
      ['beforeinput', onBeforeInput],
      ['focus', () => undo.stopCapturing()],
    ]
    for (const [type, listener] of listeners) field.addEventListener(type, listener as EventListener)
    return () => {
      for (const [type, listener] of listeners) field.removeEventListener(type, listener as EventListener)
      binding.destroy()
    }
  }, [ref, source, undo])
}
