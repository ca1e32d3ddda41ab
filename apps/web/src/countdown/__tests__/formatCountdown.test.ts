import { describe, expect, it } from 'vitest'
import { countdownPhase, formatCountdown } from '../formatCountdown'

const SECOND = 1_000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

describe('formatCountdown', () => {
  it('shows days and hours when the closing session is days away', () => {
    expect(formatCountdown(2 * 24 * HOUR + 4 * HOUR + 30 * MINUTE)).toBe('2 d 04 h')
  })

  it('shows hours and minutes on the day', () => {
    expect(formatCountdown(3 * HOUR + 5 * MINUTE + 20 * SECOND)).toBe('3 h 05 min')
    expect(formatCountdown(HOUR)).toBe('1 h 00 min')
  })

  it('counts minutes and seconds in the last hour, rounding up', () => {
    expect(formatCountdown(42 * MINUTE + 7 * SECOND)).toBe('42:07')
    expect(formatCountdown(HOUR - SECOND)).toBe('59:59')
    expect(formatCountdown(1)).toBe('0:01')
  })

  it('stops at 0:00', () => {
    expect(formatCountdown(0)).toBe('0:00')
    expect(formatCountdown(-5 * MINUTE)).toBe('0:00')
  })
})

describe('countdownPhase', () => {
  it('is ahead, then soon in the last hour, then past', () => {
    expect(countdownPhase(HOUR + 1)).toBe('ahead')
    expect(countdownPhase(HOUR)).toBe('soon')
    expect(countdownPhase(1)).toBe('soon')
    expect(countdownPhase(0)).toBe('past')
  })
})
