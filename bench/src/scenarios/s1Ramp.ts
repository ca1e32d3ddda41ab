import { performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { generatorCpuPercent } from '../load/phaseMetrics.js'
import type { PhaseResult } from '../load/TypingSession.js'
import { TypingSession } from '../load/TypingSession.js'
import { metric, type Scenario, type ScenarioResult } from './Scenario.js'

const EDITORS = 50
const P99_LIMIT_MS = 50
/** Characters a second per editor, step by step (× 50 editors = keystrokes a second). */
const FULL_RATES = [2, 5, 10, 15, 20, 30, 40, 60, 80, 120, 160]
const SHORT_RATES = [5, 20]
const STEP_DRAIN_MS = 3_000
const FINAL_DRAIN_MS = 30_000

function holds(phase: PhaseResult): boolean {
  return phase.missing === 0 && phase.ledger.editors.percentile(99) < P99_LIMIT_MS
}

/**
 * S1+: S1 at rising rates (each step on the same 50 connections, after the previous one drained): the highest
 * load, in keystrokes a second, each server holds with p99 under 50 ms. In full mode a step that misses is run
 * once more (one scheduling hiccup on a shared machine should not end the ramp); the ramp stops when both miss.
 */
export const s1Ramp: Scenario = {
  id: 'S1+',
  title: `S1 at rising rates: highest load held with p99 < ${P99_LIMIT_MS} ms`,
  targets: [{ metric: 'sustained load', kind: 'ratio', limit: 2, label: '≥ 2×' }],
  async run(server, mode): Promise<ScenarioResult> {
    const documents = ['s1-ramp-report']
    await server.prepareDocuments(documents)
    const session = await TypingSession.open({
      server,
      documents,
      typistsPerDocument: EDITORS,
      cursor: true,
      observer: true,
    })
    try {
      const stepMs = mode === 'full' ? 6_000 : 1_000
      // Warm-up (not measured), as in S1.
      await session.typePhase(SHORT_RATES[0] ?? 5, mode === 'full' ? 2_000 : 500, STEP_DRAIN_MS)
      let sustained = 0
      let heldP99 = Number.NaN
      let lastLag = Number.NaN
      let lastGeneratorCpu = Number.NaN
      for (const rate of mode === 'full' ? FULL_RATES : SHORT_RATES) {
        let phase = await session.typePhase(rate, stepMs, STEP_DRAIN_MS)
        if (mode === 'full' && !holds(phase) && session.brokenReason() === null) {
          await drain(phase, session)
          phase = await session.typePhase(rate, stepMs, STEP_DRAIN_MS)
        }
        lastLag = phase.ledger.sendLag.percentile(99)
        lastGeneratorCpu = generatorCpuPercent(phase)
        if (session.brokenReason() !== null || !holds(phase)) {
          await drain(phase, session)
          break
        }
        sustained = rate * EDITORS
        heldP99 = phase.ledger.editors.percentile(99)
      }
      const failed = session.brokenReason() ?? (await session.checkConvergence())
      return {
        metrics: {
          'sustained load': metric(sustained, 'keys/s', false),
          'p99 at that load': metric(heldP99, 'ms'),
          'generator lag p99 (last step)': metric(lastLag, 'ms'),
          'generator CPU (last step)': metric(lastGeneratorCpu, '% core'),
        },
        failed,
      }
    } finally {
      await session.close()
    }
  },
}

/** Lets the server catch up with an overload (up to 30 s) before the next step or the convergence check. */
async function drain(phase: PhaseResult, session: TypingSession): Promise<void> {
  const deadline = performance.now() + FINAL_DRAIN_MS
  while (phase.ledger.missing > 0 && performance.now() < deadline && session.brokenReason() === null) await sleep(50)
}
