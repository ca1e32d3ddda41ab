import type { SavedState } from './savedState'

/** The indicator's words for a saved state. */
export function savedStateText(state: SavedState): string {
  switch (state.kind) {
    case 'saved':
      return 'All changes saved'
    case 'unsaved':
      return `${state.pending} ${state.pending === 1 ? 'change' : 'changes'} not saved yet`
    case 'failing':
      return 'Saving is failing on the server — your changes are kept on this device'
  }
}
