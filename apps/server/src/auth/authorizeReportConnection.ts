import type http from 'node:http'
import { CloseCode } from '@rapporteur/collab'
import type { ConnectionDecision } from '../collab/ConnectionDecision.js'
import { readTokenParam } from '../collab/readTokenParam.js'
import type { RoundtableRecord } from '../storage/CatalogRecords.js'
import { canRead } from './canRead.js'
import { canWrite } from './canWrite.js'
import type { PrincipalResolution } from './resolvePrincipal.js'
import { tokenRefusalClose } from './tokenRefusalClose.js'

export interface ReportConnectionAuthority {
  /** `resolvePrincipal` bound to the organizer token and the invites. */
  readonly resolve: (token: string | null) => PrincipalResolution
  readonly getRoundtable: (roundtableId: string) => RoundtableRecord | undefined
}

/**
 * The `authorize` hook of the collaboration websocket: the `?token=` of the upgrade must stand for someone
 * who may read the roundtable (else 4401 Unauthorized, 4410 AccessRevoked or 4403 Forbidden); those who may
 * not write it connect read-only. The connection's context is the principal.
 */
export function authorizeReportConnection(authority: ReportConnectionAuthority) {
  return (request: http.IncomingMessage, roundtableId: string): ConnectionDecision => {
    const resolution = authority.resolve(readTokenParam(request.url))
    if (resolution.refusal !== undefined) {
      return { allow: false, ...tokenRefusalClose(resolution.refusal), logFields: { refusal: resolution.refusal } }
    }
    const { principal } = resolution
    const who = { role: principal.role, inviteId: principal.inviteId }
    const roundtable = authority.getRoundtable(roundtableId)
    if (roundtable === undefined || !canRead(principal, roundtable)) {
      return { allow: false, code: CloseCode.Forbidden, reason: 'This invite is for another report', logFields: who }
    }
    // The per-token connection limit counts an invite's connections together (the organizer's all together).
    const limitKey = principal.inviteId ?? principal.role
    return { allow: true, context: principal, readOnly: !canWrite(principal, roundtable), limitKey }
  }
}
