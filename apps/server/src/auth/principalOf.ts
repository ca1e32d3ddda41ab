import type { Connection } from '@rapporteur/collab'
import type { Principal } from './Principal.js'

/** The principal the server gave a collaboration connection (its `context`), if any. */
export function principalOf(connection: Pick<Connection, 'context'>): Principal | undefined {
  const context = connection.context
  if (typeof context !== 'object' || context === null || !('role' in context)) return undefined
  return context as Principal
}
