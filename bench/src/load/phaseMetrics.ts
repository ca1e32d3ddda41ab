import type { Histogram } from '../Histogram.js'
import { metric, type Metric } from '../scenarios/Scenario.js'
import type { PhaseResult } from './TypingSession.js'

/** `p50`, `p99`, `max` of a latency histogram, named `<name> p50` etc. (or bare when `name` is empty). */
export function latencyMetrics(name: string, histogram: Histogram): Record<string, Metric> {
  const label = (what: string): string => (name === '' ? what : `${name} ${what}`)
  return {
    [label('p50')]: metric(histogram.percentile(50), 'ms'),
    [label('p99')]: metric(histogram.percentile(99), 'ms'),
    [label('max')]: metric(histogram.max, 'ms'),
  }
}

/** Server CPU per delivered keystroke (one keystroke reaching one other client), microseconds. */
export function cpuPerDelivery(phase: PhaseResult): number {
  return phase.ledger.delivered === 0 ? Number.NaN : (phase.serverCpuMs * 1000) / phase.ledger.delivered
}

/** Server CPU over the phase as a percentage of one core. */
export function cpuPercent(phase: PhaseResult): number {
  return (phase.serverCpuMs / phase.wallMs) * 100
}

/** The load generator's CPU over the phase as a percentage of one core (near 100: the generator is the limit). */
export function generatorCpuPercent(phase: PhaseResult): number {
  return (phase.generatorCpuMs / phase.wallMs) * 100
}
