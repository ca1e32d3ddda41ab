import * as Y from 'yjs'
import type { PendingChange } from './createSavedStateTracker'

const storageKey = (roundtableId: string) => `rapporteur.unsaved.${roundtableId}`

function isPendingChange(value: unknown): value is PendingChange {
  if (typeof value !== 'object' || value === null) return false
  const { client, clock } = value as Record<string, unknown>
  return Number.isSafeInteger(client) && Number.isSafeInteger(clock)
}

/**
 * Changes a previous page of this report left unsaved, kept in localStorage beside the IndexedDB copy so a
 * reload does not forget that they still wait for the server. Only those the local copy of `doc` holds
 * count: a change the copy lost (site data cleared) could never be acknowledged.
 */
export function readUnsavedChanges(roundtableId: string, doc: Y.Doc): PendingChange[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(localStorage.getItem(storageKey(roundtableId)) ?? '[]')
  } catch {
    return []
  }
  if (!Array.isArray(parsed)) return []
  return parsed.filter(isPendingChange).filter((change) => Y.getState(doc.store, change.client) >= change.clock)
}

export function writeUnsavedChanges(roundtableId: string, changes: readonly PendingChange[]): void {
  try {
    if (changes.length === 0) localStorage.removeItem(storageKey(roundtableId))
    else localStorage.setItem(storageKey(roundtableId), JSON.stringify(changes))
  } catch {
    // Storage full or blocked: the count is then only as good as this page's memory.
  }
}
