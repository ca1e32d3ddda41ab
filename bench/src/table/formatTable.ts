import type { Scenario } from '../scenarios/Scenario.js'
import { SERVER_NAMES } from '../servers/ServerUnderTest.js'
import type { CellResult } from './CellResult.js'
import { compareToBaselines } from './compareToBaselines.js'
import { formatRatio, formatValue } from './formatValue.js'

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, index) => cell.padEnd(widths[index] ?? 0)).join('  ').trimEnd()
}

/**
 * The one table of a run: a row per scenario × metric, a column per server, then the ratio Rapporteur / best
 * baseline, the issue's target and PASS/MISS. A FAILED cell shows FAILED; the reasons follow the table.
 */
export function formatTable(scenarios: readonly Scenario[], cells: readonly CellResult[]): string {
  const header = ['scenario', 'metric', ...SERVER_NAMES, 'ratio', 'target', '']
  const rows: string[][] = []
  const failures: string[] = []
  for (const scenario of scenarios) {
    const byServer = SERVER_NAMES.map((name) =>
      cells.find((cell) => cell.scenario === scenario.id && cell.server === name),
    )
    if (byServer.every((cell) => cell === undefined)) continue
    const metricNames: string[] = []
    for (const cell of byServer) {
      for (const name of Object.keys(cell?.result.metrics ?? {})) if (!metricNames.includes(name)) metricNames.push(name)
    }
    for (const cell of byServer) {
      if (cell?.result.failed != null) failures.push(`${scenario.id} on ${cell.server}: FAILED — ${cell.result.failed}`)
    }
    if (metricNames.length === 0) metricNames.push('(no metrics)')
    metricNames.forEach((name, index) => {
      const target = scenario.targets.find((entry) => entry.metric === name)
      const [own, ...baselines] = byServer.map((cell) => cell?.result.metrics[name])
      const comparison = compareToBaselines(own, baselines, target)
      const values = byServer.map((cell) => {
        if (cell === undefined) return 'not run'
        const entry = cell.result.metrics[name]
        const text = entry === undefined ? '—' : formatValue(entry.value, entry.unit)
        return cell.result.failed === null ? text : `FAILED ${text === '—' ? '' : `(${text})`}`.trim()
      })
      const rapporteurFailed = byServer[0]?.result.failed != null
      rows.push([
        index === 0 ? scenario.id : '',
        name,
        ...values,
        formatRatio(comparison.ratio),
        target?.label ?? '',
        rapporteurFailed && target !== undefined ? 'FAILED' : comparison.verdict,
      ])
    })
  }
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((entry) => entry[column]?.length ?? 0)))
  const lines = [row(header, widths), row(widths.map((width) => '-'.repeat(width)), widths)]
  let previous = ''
  for (const entry of rows) {
    if (entry[0] !== '' && previous !== '') lines.push('')
    if (entry[0] !== '') previous = entry[0] ?? ''
    lines.push(row(entry, widths))
  }
  if (failures.length > 0) lines.push('', ...failures)
  return `${lines.join('\n')}\n`
}
