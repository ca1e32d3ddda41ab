import { describe, expect, it } from 'vitest'
import { changedSinceReady } from '../changedSinceReady'

const ready = { at: '2026-05-01T10:00:00.000Z' }

describe('changedSinceReady', () => {
  it('is true when the last edit came after the ready mark', () => {
    expect(changedSinceReady({ ready, lastEditAt: '2026-05-01T10:00:06.000Z' })).toBe(true)
    expect(changedSinceReady({ ready, lastEditAt: '2026-05-01T11:00:00.000Z' })).toBe(true)
  })

  it('is false when the last edit came before or at the ready mark', () => {
    expect(changedSinceReady({ ready, lastEditAt: '2026-05-01T09:59:00.000Z' })).toBe(false)
    expect(changedSinceReady({ ready, lastEditAt: ready.at })).toBe(false)
  })

  it('takes an edit a moment after the ready time for the ready mark itself arriving at the server', () => {
    expect(changedSinceReady({ ready, lastEditAt: '2026-05-01T10:00:00.040Z' })).toBe(false)
    expect(changedSinceReady({ ready, lastEditAt: '2026-05-01T10:00:04.900Z' })).toBe(false)
  })

  it('is false when the report is not ready or was never edited', () => {
    expect(changedSinceReady({ ready: null, lastEditAt: '2026-05-01T10:00:06.000Z' })).toBe(false)
    expect(changedSinceReady({ ready, lastEditAt: null })).toBe(false)
  })

  it('compares instants, not strings, across time-zone offsets', () => {
    expect(changedSinceReady({ ready, lastEditAt: '2026-05-01T12:00:30+02:00' })).toBe(true)
    expect(changedSinceReady({ ready, lastEditAt: '2026-05-01T12:00:03+02:00' })).toBe(false)
  })
})
