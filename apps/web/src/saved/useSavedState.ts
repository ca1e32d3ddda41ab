import { useSyncExternalStore } from 'react'
import type { SavedStateTracker } from './createSavedStateTracker'
import type { SavedState } from './savedState'

/** The tracker's current state, re-rendering when it changes. */
export function useSavedState(tracker: SavedStateTracker): SavedState {
  return useSyncExternalStore(tracker.subscribe, tracker.getState)
}
