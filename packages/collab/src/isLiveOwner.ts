import type { Connection } from './Connection.js'

/**
 * True if `owner` still holds what it owns (a client id, an awareness id) against `claimer`: it is another
 * connection, open and not closing, of another `limitKey`. A connection of the same key (the same invite) takes
 * over: it is the same person's tab reconnecting before the server noticed its old socket had gone.
 */
export function isLiveOwner(owner: Connection, claimer: Connection): boolean {
  if (owner === claimer || !owner.isOpen || owner.isClosing) return false
  return owner.limitKey === undefined || owner.limitKey !== claimer.limitKey
}
