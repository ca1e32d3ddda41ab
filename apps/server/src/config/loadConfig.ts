import path from 'node:path'
import { ConfigError } from './ConfigError.js'
import { LOG_LEVELS, isLogLevel } from './LogLevel.js'
import type { ServerConfig } from './ServerConfig.js'
import { defaultWebDist } from './defaultWebDist.js'

const MAX_PORT = 65535

/**
 * Reads the server configuration from environment variables (`PORT`, `HOST`, `DATA_DIR`, `LOG_LEVEL`,
 * `WEB_DIST`). A variable that is unset or blank takes its default. Throws `ConfigError` naming the
 * variable when a value is invalid.
 */
export function loadConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const webDist = readValue(env, 'WEB_DIST')
  return {
    port: readPort(env),
    host: readValue(env, 'HOST') ?? '127.0.0.1',
    dataDir: path.resolve(readValue(env, 'DATA_DIR') ?? './data'),
    logLevel: readLogLevel(env),
    webDist: webDist === undefined ? defaultWebDist() : path.resolve(webDist),
  }
}

function readValue(env: NodeJS.ProcessEnv, variable: string): string | undefined {
  const value = env[variable]?.trim()
  return value === undefined || value === '' ? undefined : value
}

function readPort(env: NodeJS.ProcessEnv): number {
  const value = readValue(env, 'PORT')
  if (value === undefined) return 3000
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN
  if (!(port <= MAX_PORT)) {
    throw new ConfigError('PORT', `PORT must be an integer from 0 to ${MAX_PORT}, got ${JSON.stringify(value)}`)
  }
  return port
}

function readLogLevel(env: NodeJS.ProcessEnv): ServerConfig['logLevel'] {
  const value = readValue(env, 'LOG_LEVEL')
  if (value === undefined) return 'info'
  const level = value.toLowerCase()
  if (!isLogLevel(level)) {
    throw new ConfigError('LOG_LEVEL', `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(value)}`)
  }
  return level
}
