import { useCallback, type FocusEvent } from 'react'
import type { Awareness } from 'y-protocols/awareness'

/**
 * Focus handlers for a section container: publish the section as the local awareness `section`
 * while focus is anywhere inside it (editor, toolbar, quote fields), and `null` once it leaves.
 */
export function useSectionFocus(awareness: Awareness, sectionId: string) {
  const onFocus = useCallback(() => {
    if (awareness.getLocalState()?.['section'] !== sectionId) awareness.setLocalStateField('section', sectionId)
  }, [awareness, sectionId])

  const onBlur = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      const next = event.relatedTarget
      if (next instanceof Node && event.currentTarget.contains(next)) return
      if (awareness.getLocalState()?.['section'] === sectionId) awareness.setLocalStateField('section', null)
    },
    [awareness, sectionId],
  )

  return { onFocus, onBlur }
}
