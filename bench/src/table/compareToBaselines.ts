import type { Metric, Target } from '../scenarios/Scenario.js'

export interface Comparison {
  /** Rapporteur / best baseline (NaN when either is missing). */
  readonly ratio: number
  /** PASS / MISS against the target, or '' when the metric has none (or cannot be judged). */
  readonly verdict: 'PASS' | 'MISS' | ''
}

/**
 * The ratio of Rapporteur's value to the best baseline's (the lower one when lower is better, else the higher)
 * and the verdict of `target` on it.
 */
export function compareToBaselines(
  rapporteur: Metric | undefined,
  baselines: readonly (Metric | undefined)[],
  target: Target | undefined,
): Comparison {
  const values = baselines.map((entry) => entry?.value).filter((value): value is number => Number.isFinite(value))
  const lowerIsBetter = rapporteur?.lowerIsBetter ?? true
  const best = values.length === 0 ? Number.NaN : lowerIsBetter ? Math.min(...values) : Math.max(...values)
  const own = rapporteur?.value ?? Number.NaN
  const ratio = best === 0 ? (own === 0 ? 1 : Number.POSITIVE_INFINITY) : own / best
  if (target === undefined || !Number.isFinite(own)) return { ratio, verdict: '' }
  if (target.kind === 'absolute') return { ratio, verdict: own <= target.limit ? 'PASS' : 'MISS' }
  // No finite ratio (e.g. every baseline held 0 keys/s): nothing to judge a "2×" on.
  if (!Number.isFinite(ratio)) return { ratio, verdict: '' }
  const pass = lowerIsBetter ? ratio <= target.limit : ratio >= target.limit
  return { ratio, verdict: pass ? 'PASS' : 'MISS' }
}
