import type { Metric, ScenarioResult } from '../scenarios/Scenario.js'
import { median } from '../scenarios/support/median.js'
import type { CellResult } from './CellResult.js'

/** Each metric's median over `results` (over those that measured it), unit and direction from the first. */
function medianMetrics(results: readonly ScenarioResult[]): Record<string, Metric> {
  const metrics: Record<string, Metric> = {}
  const names = new Set(results.flatMap((result) => Object.keys(result.metrics)))
  for (const name of names) {
    const measured = results.map((result) => result.metrics[name]).filter((entry): entry is Metric => entry !== undefined)
    const first = measured[0] as Metric
    metrics[name] = { ...first, value: median(measured.map((entry) => entry.value)) }
  }
  return metrics
}

/** Null when every repetition was valid; else why, with how many failed when more than one ran. */
function failureOf(results: readonly ScenarioResult[]): string | null {
  const reasons = results.map((result) => result.failed).filter((reason): reason is string => reason !== null)
  if (reasons.length === 0) return null
  const distinct = [...new Set(reasons)].join('; ')
  return results.length === 1 ? distinct : `${reasons.length} of ${results.length} repetitions: ${distinct}`
}

/**
 * One cell per scenario × server (in the order first seen) from the cells of every repetition (`--repeat`):
 * each metric is its median over the repetitions, the cell FAILED if any repetition did (a lost message is not
 * outvoted), the seconds added up. With one repetition each cell comes back as it was.
 */
export function medianCells(cells: readonly CellResult[]): CellResult[] {
  const groups = new Map<string, CellResult[]>()
  for (const cell of cells) {
    const key = `${cell.scenario}\u0000${cell.server}`
    const group = groups.get(key)
    if (group === undefined) groups.set(key, [cell])
    else group.push(cell)
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as CellResult
    if (group.length === 1) return first
    const results = group.map((cell) => cell.result)
    return {
      scenario: first.scenario,
      server: first.server,
      result: { metrics: medianMetrics(results), failed: failureOf(results) },
      seconds: group.reduce((sum, cell) => sum + cell.seconds, 0),
      repetition: 0,
    }
  })
}
