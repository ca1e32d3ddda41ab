import { ConfigError } from './ConfigError.js'
import { readEnvValue } from './readEnvValue.js'

/** Shortest organizer token accepted from `ADMIN_TOKEN`. */
export const MIN_ADMIN_TOKEN_LENGTH = 24
const MAX_ADMIN_TOKEN_LENGTH = 512

/** Characters that survive a URL fragment, a query parameter and an HTTP header unchanged (base64, base64url, hex). */
const TOKEN_CHARACTERS = /^[A-Za-z0-9._~+/=-]+$/

/** `ADMIN_TOKEN`: the organizer's token, 24 to 512 URL-safe characters. Default: unset (one is generated). */
export function readAdminToken(env: NodeJS.ProcessEnv): string | undefined {
  const value = readEnvValue(env, 'ADMIN_TOKEN')
  if (value === undefined) return undefined
  // The message never repeats the value: it is a secret.
  if (value.length < MIN_ADMIN_TOKEN_LENGTH || value.length > MAX_ADMIN_TOKEN_LENGTH) {
    throw new ConfigError(
      'ADMIN_TOKEN',
      `ADMIN_TOKEN must be ${MIN_ADMIN_TOKEN_LENGTH} to ${MAX_ADMIN_TOKEN_LENGTH} characters long, got ${value.length}`,
    )
  }
  if (!TOKEN_CHARACTERS.test(value)) {
    throw new ConfigError('ADMIN_TOKEN', 'ADMIN_TOKEN may only hold the characters A-Z a-z 0-9 . _ ~ + / = -')
  }
  return value
}
