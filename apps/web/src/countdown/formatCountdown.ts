const SECOND = 1_000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const twoDigits = (value: number): string => String(value).padStart(2, '0')

/**
 * Time left, as precise as it matters: "2 d 04 h" days ahead, "3 h 05 min" hours ahead,
 * "42:07" (minutes:seconds) in the last hour, "0:00" once it is over.
 */
export function formatCountdown(remainingMs: number): string {
  if (remainingMs <= 0) return '0:00'
  // Round up: "0:01" until the very last second, never "0:00" while time is left.
  const seconds = Math.ceil(remainingMs / SECOND)
  const ms = seconds * SECOND
  if (ms >= DAY) return `${Math.floor(ms / DAY)} d ${twoDigits(Math.floor((ms % DAY) / HOUR))} h`
  if (ms >= HOUR) return `${Math.floor(ms / HOUR)} h ${twoDigits(Math.floor((ms % HOUR) / MINUTE))} min`
  return `${Math.floor(seconds / 60)}:${twoDigits(seconds % 60)}`
}

/** `ahead` more than an hour out, `soon` in the last hour, `past` once the closing session has begun. */
export type CountdownPhase = 'ahead' | 'soon' | 'past'

export function countdownPhase(remainingMs: number): CountdownPhase {
  if (remainingMs <= 0) return 'past'
  return remainingMs <= HOUR ? 'soon' : 'ahead'
}
