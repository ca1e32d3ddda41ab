import { buildTypedReport } from './buildTypedReport.js'
import type { SeedReport } from './SeedReport.js'

const built = new Map<string, SeedReport>()

/**
 * `buildTypedReport` once per size and seed in this process: building a 1 MB report types about 300,000
 * keystrokes (seconds of CPU), and every server of a run must get the very same report.
 */
export function typedReport(targetBytes: number, seed: number): SeedReport {
  const key = `${targetBytes}:${seed}`
  let report = built.get(key)
  if (report === undefined) {
    report = buildTypedReport({ targetBytes, seed })
    built.set(key, report)
  }
  return report
}
