import { setTimeout as sleep } from 'node:timers/promises'
import type { RunningServer } from '../../servers/ServerUnderTest.js'
import { median } from './median.js'

const SAMPLES = 5

/**
 * The server's RSS once things have settled: waits `settleMs`, then the median of five samples taken over
 * another half of that (bytes).
 */
export async function steadyRss(server: RunningServer, settleMs: number): Promise<number> {
  await sleep(settleMs)
  const samples: number[] = []
  for (let index = 0; index < SAMPLES; index += 1) {
    samples.push(server.sample().rssBytes)
    await sleep(settleMs / 2 / SAMPLES)
  }
  return median(samples)
}
