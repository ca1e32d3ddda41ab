import { describe, expect, it } from 'vitest'
import { formatDateTime } from '../formatDateTime'
import { formatRelativeTime } from '../formatRelativeTime'

const now = Date.parse('2026-11-28T12:00:00Z')
const ago = (ms: number): string => new Date(now - ms).toISOString()

describe('formatRelativeTime', () => {
  it('reads "just now" under a minute, also for a time slightly ahead (clock skew)', () => {
    expect(formatRelativeTime(ago(0), now)).toBe('just now')
    expect(formatRelativeTime(ago(59_000), now)).toBe('just now')
    expect(formatRelativeTime(ago(-3_000), now)).toBe('just now')
  })

  it('counts whole minutes, then whole hours', () => {
    expect(formatRelativeTime(ago(60_000), now)).toBe('1 min ago')
    expect(formatRelativeTime(ago(3 * 60_000 + 59_000), now)).toBe('3 min ago')
    expect(formatRelativeTime(ago(2 * 3_600_000 + 10 * 60_000), now)).toBe('2 h ago')
  })

  it('gives the date after a day, and the raw text when it is not a time', () => {
    const old = ago(3 * 24 * 3_600_000)
    expect(formatRelativeTime(old, now)).toBe(formatDateTime(old))
    expect(formatRelativeTime('soon', now)).toBe('soon')
  })
})
