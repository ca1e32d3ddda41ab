import type { SavedStateTracker } from './createSavedStateTracker'
import { writeUnsavedChanges } from './unsavedChangesStore'

/** At most one write a second: offline, every keystroke adds a change, and the list is written whole. */
const WRITE_INTERVAL_MS = 1_000

/**
 * Keeps the tracker's waiting changes in localStorage (see unsavedChangesStore), written at most once a
 * second and at once when the page is hidden or closed. Returns a function that stops (and writes).
 */
export function persistUnsavedChanges(roundtableId: string, tracker: SavedStateTracker): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const write = () => {
    clearTimeout(timer)
    timer = undefined
    writeUnsavedChanges(roundtableId, tracker.pendingChanges())
  }
  const unsubscribe = tracker.subscribe(() => {
    // Everything saved: say so right away, so a reload does not count old changes again.
    if (tracker.getState().kind === 'saved') write()
    else timer ??= setTimeout(write, WRITE_INTERVAL_MS)
  })
  window.addEventListener('pagehide', write)
  return () => {
    unsubscribe()
    window.removeEventListener('pagehide', write)
    write()
  }
}
