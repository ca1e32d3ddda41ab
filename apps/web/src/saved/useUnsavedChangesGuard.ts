import { useEffect } from 'react'
import type { SavedStateTracker } from './createSavedStateTracker'

/**
 * Asks before leaving the page while the server has not durably stored every local change
 * (they are kept in this browser's local copy, but another device would not see them yet).
 */
export function useUnsavedChangesGuard(tracker: SavedStateTracker | null): void {
  useEffect(() => {
    if (tracker === null) return
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (tracker.getState().kind === 'saved') return
      event.preventDefault()
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [tracker])
}
