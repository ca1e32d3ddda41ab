import { setTimeout as sleep } from 'node:timers/promises'
import type { RunningServer } from '../../servers/ServerUnderTest.js'
import { median } from './median.js'

const SAMPLES = 5

/** Samples are taken over at most this long after the settling. */
const MAX_SAMPLING_MS = 2_000

/**
 * The server's RSS once things have settled: waits `settleMs`, then the median of five samples taken over
 * another half of that, or 2 s if shorter (bytes).
 */
export async function steadyRss(server: RunningServer, settleMs: number): Promise<number> {
  await sleep(settleMs)
  const samples: number[] = []
  const samplingMs = Math.min(settleMs / 2, MAX_SAMPLING_MS)
  for (let index = 0; index < SAMPLES; index += 1) {
    samples.push(server.sample().rssBytes)
    await sleep(samplingMs / SAMPLES)
  }
  return median(samples)
}
