import { ConfigError } from './ConfigError.js'
import { readEnvValue } from './readEnvValue.js'

/** An integer variable from `min` to `max`, or `undefined` when unset. Throws `ConfigError` naming it otherwise. */
export function readIntegerVariable(env: NodeJS.ProcessEnv, variable: string, min: number, max: number): number | undefined {
  const value = readEnvValue(env, variable)
  if (value === undefined) return undefined
  const number = /^\d{1,16}$/.test(value) ? Number(value) : Number.NaN
  if (!(number >= min && number <= max)) {
    throw new ConfigError(variable, `${variable} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`)
  }
  return number
}
