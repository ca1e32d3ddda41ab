import { describe, expect, it } from 'vitest'
import { Debouncer } from '../Debouncer.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('Debouncer', () => {
  it('runs once per key after a burst, however many times it was scheduled', async () => {
    const runs: string[] = []
    const debouncer = new Debouncer({ waitMs: 20, maxWaitMs: 1000, run: (key) => runs.push(key) })
    for (let i = 0; i < 50; i++) debouncer.schedule('a')
    debouncer.schedule('b')
    expect(runs).toEqual([])
    await sleep(80)
    expect(runs.sort()).toEqual(['a', 'b'])
    expect(debouncer.isPending('a')).toBe(false)
  })

  it('runs a key kept busy past its maximum wait, before the burst ends', async () => {
    const runs: number[] = []
    const debouncer = new Debouncer({ waitMs: 30, maxWaitMs: 60, run: () => runs.push(performance.now()) })
    const start = performance.now()
    // Busy for ~200 ms: a schedule every 5 ms never leaves 30 ms of quiet.
    while (performance.now() - start < 200) {
      debouncer.schedule('busy')
      await sleep(5)
    }
    const burstEnd = performance.now()
    debouncer.dispose()
    expect(runs.length).toBeGreaterThan(0)
    expect(runs[0]).toBeLessThan(burstEnd)
  })

  it('runNow runs a pending key at once; cancel and dispose forget it', async () => {
    const runs: string[] = []
    const debouncer = new Debouncer({ waitMs: 10, maxWaitMs: 100, run: (key) => runs.push(key) })
    debouncer.schedule('now')
    debouncer.runNow('now')
    debouncer.runNow('never-scheduled')
    expect(runs).toEqual(['now'])
    debouncer.schedule('cancelled')
    debouncer.cancel('cancelled')
    debouncer.schedule('disposed')
    debouncer.dispose()
    await sleep(40)
    expect(runs).toEqual(['now'])
  })
})
