import type { CollabServer } from '@rapporteur/collab'
import type { ServerMetrics } from '../api/ApiContext.js'
import type { ReportMonitor } from './ReportMonitor.js'

/** The figures of `GET /api/metrics`: process CPU and memory, progress computation's share, open documents. */
export function readServerMetrics(collab: CollabServer, monitor: ReportMonitor): ServerMetrics {
  const cpu = process.cpuUsage()
  const memory = process.memoryUsage()
  return {
    cpuUserMs: cpu.user / 1000,
    cpuSystemMs: cpu.system / 1000,
    ...monitor.progressCost,
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    openDocuments: collab.openDocumentCount,
    connections: collab.connectionCount,
  }
}
