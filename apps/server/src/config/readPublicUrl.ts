import { ConfigError } from './ConfigError.js'
import { readEnvValue } from './readEnvValue.js'

/** `PUBLIC_URL`: the http(s) URL people reach the server at, without a trailing slash. Default: unset. */
export function readPublicUrl(env: NodeJS.ProcessEnv): string | undefined {
  const value = readEnvValue(env, 'PUBLIC_URL')
  if (value === undefined) return undefined
  const invalid = (): ConfigError =>
    new ConfigError(
      'PUBLIC_URL',
      'PUBLIC_URL must be an http or https URL without query or fragment, like https://reports.example.org, ' +
        `got ${JSON.stringify(value)}`,
    )
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw invalid()
  }
  const plain = url.search === '' && url.hash === '' && url.username === '' && url.password === '' && !/[?#]/.test(value)
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !plain) throw invalid()
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}
