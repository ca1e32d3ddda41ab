import type { ScenarioResult } from '../scenarios/Scenario.js'
import type { ServerName } from '../servers/ServerUnderTest.js'

/** One scenario run on one server. */
export interface CellResult {
  readonly scenario: string
  readonly server: ServerName
  readonly result: ScenarioResult
  /** Wall time of the cell (server start to stop), seconds. */
  readonly seconds: number
  /** Which repetition of the scenario it was (1-based; see `--repeat`), or 0 for a cell of medians over several. */
  readonly repetition: number
}
