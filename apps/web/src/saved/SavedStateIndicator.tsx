import type { SavedStateTracker } from './createSavedStateTracker'
import { savedStateText } from './savedStateText'
import { useSavedState } from './useSavedState'

const HINTS = {
  saved: 'The server has stored every change made on this page.',
  unsaved: 'These changes are kept on this device and sent to the server as soon as it can store them.',
  failing: 'The server cannot store changes right now. Keep this tab open; your changes are kept on this device.',
} as const

/** Says whether the server has durably stored every local change; `data-saved-state` carries the state. */
export function SavedStateIndicator({ tracker }: { readonly tracker: SavedStateTracker }) {
  const state = useSavedState(tracker)
  return (
    <span className="saved-state" data-saved-state={state.kind} title={HINTS[state.kind]} role="status" aria-live="polite">
      {savedStateText(state)}
    </span>
  )
}
