import { CloseCode, type CollabServer } from '@rapporteur/collab'
import { principalOf } from './principalOf.js'

/** Closes (4401 "Invite expired") every collaboration connection whose invite has expired; returns how many. */
export function closeExpiredConnections(collab: CollabServer, now: Date): number {
  return collab.closeConnections(
    (connection) => {
      const expiresAt = principalOf(connection)?.expiresAt
      return expiresAt !== undefined && Date.parse(expiresAt) <= now.getTime()
    },
    CloseCode.Unauthorized,
    'Invite expired',
  )
}
