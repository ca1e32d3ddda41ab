import { useEffect, useState } from 'react'

/** This device's clock (ms since the epoch), re-read every `intervalMs`: drives countdowns and time-based flags. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}
