import { formatDateTime } from '../ui/formatDateTime'
import { countdownPhase, formatCountdown } from './formatCountdown'
import { useNow } from './useNow'

/**
 * "Closing session in 3 h 05 min", ticking every second. `clockOffsetMs` (server minus device
 * clock) corrects a device whose clock is off, when the caller knows it.
 */
export function Countdown({ closingAt, clockOffsetMs = 0 }: { readonly closingAt: string; readonly clockOffsetMs?: number }) {
  const now = useNow(1_000) + clockOffsetMs
  const remaining = Date.parse(closingAt) - now
  if (Number.isNaN(remaining)) return null
  const phase = countdownPhase(remaining)
  return (
    <p className="countdown" data-countdown={phase} title={`Closing session ${formatDateTime(closingAt)}`}>
      {phase === 'past' ? (
        <span className="countdown__label">The closing session has started</span>
      ) : (
        <>
          <span className="countdown__label">Closing session in</span>{' '}
          <time className="countdown__time" dateTime={closingAt}>
            {formatCountdown(remaining)}
          </time>
        </>
      )}
    </p>
  )
}
