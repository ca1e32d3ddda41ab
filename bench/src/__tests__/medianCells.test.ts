import { describe, expect, it } from 'vitest'
import { metric, type Scenario } from '../scenarios/Scenario.js'
import type { ServerName } from '../servers/ServerUnderTest.js'
import type { CellResult } from '../table/CellResult.js'
import { formatRepetitions } from '../table/formatRepetitions.js'
import { medianCells } from '../table/medianCells.js'

function cell(server: ServerName, repetition: number, p99: number, failed: string | null = null): CellResult {
  return { scenario: 'S1', server, result: { metrics: { p99: metric(p99, 'ms') }, failed }, seconds: 10, repetition }
}

const s1: Scenario = {
  id: 'S1',
  title: 'test',
  targets: [{ metric: 'p99', kind: 'ratio', limit: 0.5, label: '≤ 0.5×' }],
  run: () => Promise.reject(new Error('not run here')),
}

describe('medianCells', () => {
  it('gives each metric its median over the repetitions, per scenario and server, in the order first seen', () => {
    const cells = [
      cell('rapporteur', 1, 3),
      cell('hocuspocus', 1, 10),
      cell('rapporteur', 2, 9),
      cell('hocuspocus', 2, 20),
      cell('rapporteur', 3, 4),
      cell('hocuspocus', 3, 12),
    ]
    const merged = medianCells(cells)
    expect(merged.map((entry) => [entry.server, entry.result.metrics.p99?.value, entry.seconds, entry.repetition])).toEqual([
      ['rapporteur', 4, 30, 0],
      ['hocuspocus', 12, 30, 0],
    ])
    expect(merged[0]?.result.metrics.p99?.unit).toBe('ms')
  })

  it('takes the mean of the middle two for an even count and skips repetitions that lack the metric', () => {
    const without: CellResult = { ...cell('rapporteur', 3, 0), result: { metrics: {}, failed: null } }
    const merged = medianCells([cell('rapporteur', 1, 2), cell('rapporteur', 2, 5), without])
    expect(merged[0]?.result.metrics.p99?.value).toBe(3.5)
  })

  it('fails a cell when any repetition failed, saying how many', () => {
    const merged = medianCells([cell('rapporteur', 1, 2), cell('rapporteur', 2, 5, '3 deliveries never arrived')])
    expect(merged[0]?.result.failed).toBe('1 of 2 repetitions: 3 deliveries never arrived')
  })

  it('returns a single repetition as it was', () => {
    const only = cell('rapporteur', 1, 2, 'the server died')
    expect(medianCells([only])).toEqual([only])
  })
})

describe('formatRepetitions', () => {
  it('lists each ratio target per repetition with its verdict, leaving failed cells unjudged', () => {
    const cells = [
      cell('rapporteur', 1, 3),
      cell('y-websocket-server', 1, 10),
      cell('rapporteur', 2, 6),
      cell('y-websocket-server', 2, 10),
      cell('rapporteur', 3, 1, 'lost'),
      cell('y-websocket-server', 3, 10),
    ]
    expect(formatRepetitions([s1], cells)).toBe(
      'Ratio targets in each repetition (the table shows medians):\n' +
        'S1        p99 ≤ 0.5×: 0.30× PASS, 0.60× MISS, — (1 of 3 pass)\n',
    )
  })

  it('prints nothing when every scenario ran once', () => {
    expect(formatRepetitions([s1], [cell('rapporteur', 1, 3), cell('hocuspocus', 1, 9)])).toBe('')
  })
})
