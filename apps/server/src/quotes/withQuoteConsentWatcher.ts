import type { CollabHooks } from '@rapporteur/collab'
import type { QuoteConsentWatcher } from './QuoteConsentWatcher.js'

/** `hooks` with the watcher's load and unload hooks run first (a throwing hook in `hooks` cannot skip them). */
export function withQuoteConsentWatcher(hooks: CollabHooks, watcher: QuoteConsentWatcher): CollabHooks {
  return {
    ...hooks,
    onDocumentLoad: (name, doc) => {
      watcher.hooks.onDocumentLoad?.(name, doc)
      hooks.onDocumentLoad?.(name, doc)
    },
    onDocumentUnload: (name, doc) => {
      watcher.hooks.onDocumentUnload?.(name, doc)
      hooks.onDocumentUnload?.(name, doc)
    },
  }
}
