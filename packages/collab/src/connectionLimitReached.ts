import type { CollabLimits } from './CollabLimits.js'
import type { Connection } from './Connection.js'

/** The limit a new connection to `room` would pass, with the close reason; null if it may join. */
export interface ConnectionLimitReached {
  readonly limit: 'maxConnectionsPerDocument' | 'maxReadOnlyConnectionsPerDocument' | 'maxConnectionsPerLimitKey'
  readonly reason: string
}

/**
 * Whether one more connection (read-only or not, with `limitKey`) would pass a connection limit of `room`: writers
 * and readers are counted apart (so readers can never keep writers out), and the connections of one key together.
 */
export function connectionLimitReached(
  room: { readonly allConnections: Iterable<Pick<Connection, 'readOnly' | 'limitKey'>> },
  readOnly: boolean,
  limitKey: string | undefined,
  limits: CollabLimits,
): ConnectionLimitReached | null {
  let sameKind = 0
  let sameKey = 0
  for (const connection of room.allConnections) {
    if (connection.readOnly === readOnly) sameKind++
    if (limitKey !== undefined && connection.limitKey === limitKey) sameKey++
  }
  if (readOnly && sameKind >= (limits.maxReadOnlyConnectionsPerDocument ?? Number.POSITIVE_INFINITY)) {
    return { limit: 'maxReadOnlyConnectionsPerDocument', reason: 'Too many read-only connections' }
  }
  if (!readOnly && sameKind >= limits.maxConnectionsPerDocument) {
    return { limit: 'maxConnectionsPerDocument', reason: 'Too many connections' }
  }
  if (sameKey >= (limits.maxConnectionsPerLimitKey ?? Number.POSITIVE_INFINITY)) {
    return { limit: 'maxConnectionsPerLimitKey', reason: 'Too many connections with this invite' }
  }
  return null
}
