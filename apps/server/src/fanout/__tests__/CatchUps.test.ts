import { silentLogger } from '@rapporteur/collab'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CatchUps } from '../CatchUps.js'

const STATE = new Uint8Array([0, 0])

describe('CatchUps', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  function catchUps(load: () => Promise<Uint8Array | null>): { catchUps: CatchUps; applied: string[] } {
    const applied: string[] = []
    const apply = async (name: string): Promise<void> => void applied.push(name)
    return { catchUps: new CatchUps({ load, apply, followUpMs: 1000, logger: silentLogger }), applied }
  }

  it('runs one catch-up at a time per document, and once more for requests made meanwhile', async () => {
    let release = (): void => {}
    const load = vi.fn(() => new Promise<Uint8Array>((resolve) => (release = () => resolve(STATE))))
    const { catchUps: runs, applied } = catchUps(load)
    runs.now('doc')
    runs.now('doc')
    runs.now('doc')
    expect(load).toHaveBeenCalledTimes(1)
    release()
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(2))
    release()
    await vi.waitFor(() => expect(applied).toEqual(['doc', 'doc']))
  })

  it('follows a burst of requests with one catch-up, followUpMs after the last', async () => {
    const load = vi.fn(async () => STATE)
    const { catchUps: runs } = catchUps(load)
    runs.request('doc')
    await vi.advanceTimersByTimeAsync(600)
    runs.request('doc')
    await vi.advanceTimersByTimeAsync(600)
    expect(load).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(400)
    expect(load).toHaveBeenCalledTimes(3)
    await vi.advanceTimersByTimeAsync(5000)
    expect(load).toHaveBeenCalledTimes(3)
  })

  it('drops the follow-up of a cancelled document, applies nothing when nothing is stored, and survives failures', async () => {
    const load = vi.fn<() => Promise<Uint8Array | null>>().mockRejectedValueOnce(new Error('down')).mockResolvedValue(null)
    const { catchUps: runs, applied } = catchUps(load)
    runs.request('doc')
    runs.cancel('doc')
    await vi.advanceTimersByTimeAsync(2000)
    expect(load).toHaveBeenCalledTimes(1)
    runs.now('doc')
    await runs.close()
    expect(load).toHaveBeenCalledTimes(2)
    expect(applied).toEqual([])
  })
})
