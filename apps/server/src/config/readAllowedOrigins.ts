import { ConfigError } from './ConfigError.js'
import { parseOrigin } from './parseOrigin.js'
import { readEnvValue } from './readEnvValue.js'

/** `ALLOWED_ORIGINS`: comma-separated origins such as `https://reports.example.org`, normalized. Default: none. */
export function readAllowedOrigins(env: NodeJS.ProcessEnv): string[] {
  const value = readEnvValue(env, 'ALLOWED_ORIGINS')
  if (value === undefined) return []
  const origins = new Set<string>()
  for (const entry of value.split(',').map((part) => part.trim())) {
    if (entry === '') continue
    const origin = parseOrigin(entry)
    if (origin === null) {
      throw new ConfigError(
        'ALLOWED_ORIGINS',
        `ALLOWED_ORIGINS must be comma-separated origins like https://reports.example.org, got ${JSON.stringify(entry)}`,
      )
    }
    origins.add(origin)
  }
  return [...origins]
}
