import { spawn } from 'node:child_process'

/**
 * V8 heap flags of the load generator. Its heap must not be what the run measures: with node's defaults the
 * generator's old generation was marked and compacted every few seconds under S2 (a 30–50 ms stop each, late
 * sends and late receipt stamps charged to whichever server ran), and scavenged ~11 times a second. A large
 * initial old generation and 32 MB semi-spaces leave the measured phases free of mark-compacts and with a
 * third of the scavenges (`collectGarbage` cleans up between phases).
 */
export const GENERATOR_NODE_FLAGS: readonly string[] = ['--initial-old-space-size=1024', '--max-semi-space-size=32']

/** True when this process runs without the generator's flags (then `relaunchWithGeneratorFlags` must run it). */
export function lacksGeneratorFlags(): boolean {
  return GENERATOR_NODE_FLAGS.some((flag) => !process.execArgv.includes(flag))
}

/**
 * Runs this same script again with the generator's flags (and this process's own node flags and arguments),
 * output and input shared; resolves with its exit code. Signals to this process are passed on.
 */
export function relaunchWithGeneratorFlags(): Promise<number> {
  const script = process.argv[1]
  if (script === undefined) return Promise.reject(new Error('no script to relaunch'))
  const child = spawn(process.execPath, [...GENERATOR_NODE_FLAGS, ...process.execArgv, script, ...process.argv.slice(2)], {
    stdio: 'inherit',
  })
  const forward = (signal: NodeJS.Signals): void => void child.kill(signal)
  process.on('SIGINT', forward)
  process.on('SIGTERM', forward)
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (code, signal) => resolve(code ?? (signal === null ? 1 : 128)))
  })
}
