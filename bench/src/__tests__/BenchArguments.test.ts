import { describe, expect, it } from 'vitest'
import { MAX_REPEAT, readBenchArguments } from '../BenchArguments.js'

describe('readBenchArguments', () => {
  it('runs each scenario once unless --repeat says otherwise', () => {
    expect(readBenchArguments(['--only', 'S1,S2']).repeat).toBe(1)
    expect(readBenchArguments(['--repeat', '3', '--only', 'S2'])).toMatchObject({ repeat: 3, only: ['S2'], mode: 'full' })
  })

  it('refuses a --repeat that is not a whole number from 1 to the maximum', () => {
    for (const bad of [[], ['0'], ['2.5'], ['x'], ['--short'], [String(MAX_REPEAT + 1)]]) {
      expect(() => readBenchArguments(['--repeat', ...bad])).toThrow(`--repeat needs a whole number from 1 to ${MAX_REPEAT}`)
    }
  })
})
