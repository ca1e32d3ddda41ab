import type { Scenario } from '../scenarios/Scenario.js'
import { SERVER_NAMES } from '../servers/ServerUnderTest.js'
import type { CellResult } from './CellResult.js'
import { compareToBaselines, type Comparison } from './compareToBaselines.js'
import { formatRatio } from './formatValue.js'

function formatComparison(comparison: Comparison): string {
  return `${formatRatio(comparison.ratio)}${comparison.verdict === '' ? '' : ` ${comparison.verdict}`}`
}

/**
 * Under a table of medians (`--repeat`), each ratio target's ratio in every repetition, so that a verdict can be
 * read with its spread: `S2  p99 @5/s ≤ 0.33×: 0.29× PASS, 0.61× MISS, 0.35× MISS (1 of 3 pass)`. Empty when
 * every scenario ran once.
 */
export function formatRepetitions(scenarios: readonly Scenario[], cells: readonly CellResult[]): string {
  const lines: string[] = []
  for (const scenario of scenarios) {
    const repetitions = [...new Set(cells.filter((cell) => cell.scenario === scenario.id).map((cell) => cell.repetition))]
    if (repetitions.length < 2) continue
    for (const target of scenario.targets.filter((entry) => entry.kind === 'ratio')) {
      const comparisons = repetitions.map((repetition) => {
        const [own, ...baselines] = SERVER_NAMES.map((name) => {
          const cell = cells.find((entry) => entry.scenario === scenario.id && entry.server === name && entry.repetition === repetition)
          return cell?.result.failed === null ? cell.result.metrics[target.metric] : undefined
        })
        return compareToBaselines(own, baselines, target)
      })
      const passes = comparisons.filter((comparison) => comparison.verdict === 'PASS').length
      lines.push(
        `${scenario.id.padEnd(8)}  ${target.metric} ${target.label}: ${comparisons.map(formatComparison).join(', ')} ` +
          `(${passes} of ${comparisons.length} pass)`,
      )
    }
  }
  return lines.length === 0 ? '' : `Ratio targets in each repetition (the table shows medians):\n${lines.join('\n')}\n`
}
