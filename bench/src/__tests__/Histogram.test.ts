import { describe, expect, it } from 'vitest'
import { Histogram } from '../Histogram.js'

describe('Histogram', () => {
  it('reports percentiles within the bucket precision and the exact max', () => {
    const histogram = new Histogram()
    for (let value = 1; value <= 1000; value += 1) histogram.record(value)
    expect(histogram.count).toBe(1000)
    expect(histogram.percentile(50)).toBeGreaterThanOrEqual(500)
    expect(histogram.percentile(50)).toBeLessThanOrEqual(500 * 1.02)
    expect(histogram.percentile(99)).toBeGreaterThanOrEqual(990)
    expect(histogram.percentile(99)).toBeLessThanOrEqual(990 * 1.02)
    expect(histogram.percentile(100)).toBe(1000)
    expect(histogram.max).toBe(1000)
  })

  it('keeps a single outlier at the tail', () => {
    const histogram = new Histogram()
    for (let index = 0; index < 99; index += 1) histogram.record(2)
    histogram.record(800)
    expect(histogram.percentile(99)).toBeLessThan(2.1)
    expect(histogram.percentile(100)).toBe(800)
  })

  it('has no percentile when empty', () => {
    expect(new Histogram().percentile(99)).toBeNaN()
  })
})
