import { useSyncExternalStore } from 'react'
import type { ConnectionClosure } from './createConnectionClosure'
import type { ReportConnection } from './useReportConnection'

/** The server's final close of this report's connection, or null while it may still (re)connect. */
export function useConnectionClosure(connection: ReportConnection): ConnectionClosure | null {
  return useSyncExternalStore(connection.closure.subscribe, connection.closure.getSnapshot)
}
