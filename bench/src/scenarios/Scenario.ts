import type { RunningServer } from '../servers/ServerUnderTest.js'

/** `short`: a tiny run that proves the scenario still works (CI); `full`: the real measurement. */
export type RunMode = 'short' | 'full'

/** One measured figure of a scenario on one server. */
export interface Metric {
  readonly value: number
  /** Printed after the value: `ms`, `µs`, `KB`, `MB`, `keys/s`, `count`… */
  readonly unit: string
  /** Whether a smaller value is better (latency, CPU, memory) or a larger one (sustained load). */
  readonly lowerIsBetter: boolean
}

export interface ScenarioResult {
  /** Metric name → figure. Use the same names on every server so the table can line them up. */
  readonly metrics: Record<string, Metric>
  /** Null when the run is valid; otherwise why the cell FAILED (lost message, no convergence, server died…). */
  readonly failed: string | null
}

/**
 * A target of issue 7 for one metric, judged on the ratio Rapporteur / best baseline (`ratio`) or on
 * Rapporteur's own value (`absolute`).
 */
export interface Target {
  readonly metric: string
  readonly kind: 'ratio' | 'absolute'
  /** For `ratio`: ratio ≤ limit when lowerIsBetter, ratio ≥ limit otherwise. For `absolute`: value ≤ limit. */
  readonly limit: number
  /** How the issue states it, printed in the table (e.g. `≤ 0.5×`, `≤ 20 KB`). */
  readonly label: string
}

export interface Scenario {
  /** Short id used by `--only` (`S1`, `S1+`, `S2`, `S3`, `S4`, `Memory`). */
  readonly id: string
  readonly title: string
  /** The targets for this scenario (may be empty). */
  readonly targets: readonly Target[]
  /**
   * Runs against a freshly started server and returns its figures. The caller starts the server before and
   * stops it after; the scenario may `restart()` it. Must not throw for an ordinary failure: return
   * `failed` instead (a throw is reported as FAILED with the error message).
   */
  run(server: RunningServer, mode: RunMode): Promise<ScenarioResult>
}

/** Helper for building a metric. */
export function metric(value: number, unit: string, lowerIsBetter = true): Metric {
  return { value, unit, lowerIsBetter }
}
