import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

// `gc()` without starting node with --expose-gc: the flag is set at run time, and a new context gets the function.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/**
 * A full garbage collection of the load generator, before a measured phase: what earlier phases and scenarios
 * left behind would otherwise be marked and compacted in the middle of the next one (a 30–50 ms stop of the
 * generator, charged to whichever server was being measured).
 */
export function collectGarbage(): void {
  gc()
}
