import { useCallback, type KeyboardEvent } from 'react'
import type * as Y from 'yjs'
import { undoKeyOf } from './undoKeyOf'

/**
 * A `keydown` handler for a block of header or quote fields: undo and redo keys anywhere in it (a field, a
 * consent choice, a button) go to the report's field undo instead of the browser's own input undo.
 */
export function useFieldUndoKeys(undo: Y.UndoManager): (event: KeyboardEvent) => void {
  return useCallback(
    (event: KeyboardEvent) => {
      const action = undoKeyOf(event)
      if (action === null || event.defaultPrevented) return
      event.preventDefault()
      if (action === 'undo') undo.undo()
      else undo.redo()
    },
    [undo],
  )
}
