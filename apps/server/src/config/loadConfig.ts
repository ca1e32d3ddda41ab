import path from 'node:path'
import { ConfigError } from './ConfigError.js'
import { LOG_LEVELS, isLogLevel } from './LogLevel.js'
import type { ServerConfig } from './ServerConfig.js'
import { defaultWebDist } from './defaultWebDist.js'
import { readAdminToken } from './readAdminToken.js'
import { readAllowedOrigins } from './readAllowedOrigins.js'
import { readEnvValue } from './readEnvValue.js'
import { readIntegerVariable } from './readIntegerVariable.js'
import { readPublicUrl } from './readPublicUrl.js'
import { serverLimits } from './serverLimits.js'

const MAX_PORT = 65535
const KIB = 1024
const GIB = 1024 * 1024 * 1024
const MAX_COUNT = 1_000_000
const DEFAULT_VERSION_QUIET_MINUTES = 5
const MAX_VERSION_QUIET_MINUTES = 24 * 60

/**
 * Reads the server configuration from environment variables (`PORT`, `HOST`, `DATA_DIR`, `LOG_LEVEL`,
 * `WEB_DIST`, `ADMIN_TOKEN`, `PUBLIC_URL`, `ALLOWED_ORIGINS` and the limits `MAX_MESSAGE_BYTES`,
 * `MAX_DOCUMENT_BYTES`, `MAX_MESSAGES_PER_SECOND`, `MAX_CONNECTIONS_PER_DOCUMENT`,
 * `MAX_READONLY_CONNECTIONS_PER_DOCUMENT`, `MAX_CONNECTIONS_PER_TOKEN`, `MAX_CONNECTION_ATTEMPTS_PER_MINUTE`) and `VERSION_QUIET_MINUTES`. A variable that is unset or blank takes its default. Throws
 * `ConfigError` naming the variable when a value is invalid.
 */
export function loadConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const webDist = readEnvValue(env, 'WEB_DIST')
  const adminToken = readAdminToken(env)
  const publicUrl = readPublicUrl(env)
  const limits = serverLimits({
    maxMessageBytes: readIntegerVariable(env, 'MAX_MESSAGE_BYTES', KIB, GIB),
    maxDocumentBytes: readIntegerVariable(env, 'MAX_DOCUMENT_BYTES', KIB, GIB),
    maxMessagesPerSecond: readIntegerVariable(env, 'MAX_MESSAGES_PER_SECOND', 1, MAX_COUNT),
    maxConnectionsPerDocument: readIntegerVariable(env, 'MAX_CONNECTIONS_PER_DOCUMENT', 1, MAX_COUNT),
    maxConnectionAttemptsPerMinute: readIntegerVariable(env, 'MAX_CONNECTION_ATTEMPTS_PER_MINUTE', 1, MAX_COUNT),
  })
  const readerLimits = readReaderLimits(env)
  return {
    port: readPort(env),
    host: readEnvValue(env, 'HOST') ?? '127.0.0.1',
    dataDir: path.resolve(readEnvValue(env, 'DATA_DIR') ?? './data'),
    logLevel: readLogLevel(env),
    webDist: webDist === undefined ? defaultWebDist() : path.resolve(webDist),
    ...(adminToken === undefined ? {} : { adminToken }),
    ...(publicUrl === undefined ? {} : { publicUrl }),
    allowedOrigins: readAllowedOrigins(env),
    ...limits,
    ...readerLimits,
    versionQuietMinutes:
      readIntegerVariable(env, 'VERSION_QUIET_MINUTES', 1, MAX_VERSION_QUIET_MINUTES) ?? DEFAULT_VERSION_QUIET_MINUTES,
  }
}

/**
 * `MAX_READONLY_CONNECTIONS_PER_DOCUMENT` and `MAX_CONNECTIONS_PER_TOKEN`, only those set: `readerConnectionLimits`
 * gives them their defaults when the server starts.
 */
function readReaderLimits(
  env: NodeJS.ProcessEnv,
): Pick<ServerConfig, 'maxReadOnlyConnectionsPerDocument' | 'maxConnectionsPerToken'> {
  const maxReadOnly = readIntegerVariable(env, 'MAX_READONLY_CONNECTIONS_PER_DOCUMENT', 1, MAX_COUNT)
  const maxPerToken = readIntegerVariable(env, 'MAX_CONNECTIONS_PER_TOKEN', 1, MAX_COUNT)
  return {
    ...(maxReadOnly === undefined ? {} : { maxReadOnlyConnectionsPerDocument: maxReadOnly }),
    ...(maxPerToken === undefined ? {} : { maxConnectionsPerToken: maxPerToken }),
  }
}

function readPort(env: NodeJS.ProcessEnv): number {
  const value = readEnvValue(env, 'PORT')
  if (value === undefined) return 3000
  const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN
  if (!(port <= MAX_PORT)) {
    throw new ConfigError('PORT', `PORT must be an integer from 0 to ${MAX_PORT}, got ${JSON.stringify(value)}`)
  }
  return port
}

function readLogLevel(env: NodeJS.ProcessEnv): ServerConfig['logLevel'] {
  const value = readEnvValue(env, 'LOG_LEVEL')
  if (value === undefined) return 'info'
  const level = value.toLowerCase()
  if (!isLogLevel(level)) {
    throw new ConfigError('LOG_LEVEL', `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got ${JSON.stringify(value)}`)
  }
  return level
}
