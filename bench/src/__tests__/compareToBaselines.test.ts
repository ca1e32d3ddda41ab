import { describe, expect, it } from 'vitest'
import { metric, type Target } from '../scenarios/Scenario.js'
import { compareToBaselines } from '../table/compareToBaselines.js'

const halfOrLess: Target = { metric: 'p99', kind: 'ratio', limit: 0.5, label: '≤ 0.5×' }
const twiceOrMore: Target = { metric: 'load', kind: 'ratio', limit: 2, label: '≥ 2×' }

describe('compareToBaselines', () => {
  it('divides by the lowest baseline when lower is better', () => {
    const result = compareToBaselines(metric(4, 'ms'), [metric(10, 'ms'), metric(8, 'ms')], halfOrLess)
    expect(result.ratio).toBe(0.5)
    expect(result.verdict).toBe('PASS')
    expect(compareToBaselines(metric(5, 'ms'), [metric(8, 'ms')], halfOrLess).verdict).toBe('MISS')
  })

  it('divides by the highest baseline when higher is better', () => {
    const result = compareToBaselines(metric(1000, 'keys/s', false), [metric(750, 'keys/s', false), metric(500, 'keys/s', false)], twiceOrMore)
    expect(result.ratio).toBeCloseTo(1.333, 3)
    expect(result.verdict).toBe('MISS')
  })

  it('judges an absolute target on Rapporteur alone and gives no verdict without a finite ratio', () => {
    const absolute: Target = { metric: 'kb', kind: 'absolute', limit: 20, label: '≤ 20 KB' }
    expect(compareToBaselines(metric(18, 'KB'), [], absolute).verdict).toBe('PASS')
    expect(compareToBaselines(metric(100, 'keys/s', false), [metric(0, 'keys/s', false)], twiceOrMore).verdict).toBe('')
  })
})
