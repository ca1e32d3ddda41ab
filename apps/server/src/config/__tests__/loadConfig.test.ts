import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError } from '../ConfigError.js'
import { loadConfig } from '../loadConfig.js'

function configError(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) return error
    throw error
  }
  throw new Error('loadConfig did not throw')
}

describe('loadConfig', () => {
  it('uses the documented defaults for an empty environment', () => {
    const config = loadConfig({})
    expect(config).toEqual({
      port: 3000,
      host: '127.0.0.1',
      dataDir: path.resolve('data'),
      logLevel: 'info',
      webDist: expect.stringMatching(/apps[/\\]web[/\\]dist[/\\]?$/) as unknown,
      allowedOrigins: [],
      maxMessageBytes: 8 * 1024 * 1024,
      maxDocumentBytes: 32 * 1024 * 1024,
      maxMessagesPerSecond: 200,
      maxConnectionsPerDocument: 200,
      maxConnectionAttemptsPerMinute: 300,
      versionQuietMinutes: 5,
    })
  })

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '0',
      HOST: '0.0.0.0',
      DATA_DIR: '/tmp/rapporteur',
      LOG_LEVEL: 'WARN',
      WEB_DIST: 'public',
      ADMIN_TOKEN: 'rpo_0123456789abcdefghijklmnop',
      PUBLIC_URL: 'https://reports.example.org/rapporteur/',
      ALLOWED_ORIGINS: 'https://Reports.Example.org:443, http://localhost:5173,,http://localhost:5173',
      MAX_MESSAGE_BYTES: '1024',
      MAX_DOCUMENT_BYTES: '1048576',
      MAX_MESSAGES_PER_SECOND: '50',
      MAX_CONNECTIONS_PER_DOCUMENT: '20',
      MAX_CONNECTION_ATTEMPTS_PER_MINUTE: '1000',
      VERSION_QUIET_MINUTES: '15',
    })
    expect(config).toEqual({
      port: 0,
      host: '0.0.0.0',
      dataDir: '/tmp/rapporteur',
      logLevel: 'warn',
      webDist: path.resolve('public'),
      adminToken: 'rpo_0123456789abcdefghijklmnop',
      publicUrl: 'https://reports.example.org/rapporteur',
      allowedOrigins: ['https://reports.example.org', 'http://localhost:5173'],
      maxMessageBytes: 1024,
      maxDocumentBytes: 1048576,
      maxMessagesPerSecond: 50,
      maxConnectionsPerDocument: 20,
      maxConnectionAttemptsPerMinute: 1000,
      versionQuietMinutes: 15,
    })
  })

  it('treats blank variables as unset', () => {
    expect(loadConfig({ PORT: '', LOG_LEVEL: '  ', HOST: '' })).toMatchObject({ port: 3000, logLevel: 'info', host: '127.0.0.1' })
  })

  it.each(['abc', '-1', '65536', '3.5', '1e3', '99999999'])('refuses PORT=%s and names PORT', (value) => {
    const error = configError({ PORT: value })
    expect(error.variable).toBe('PORT')
    expect(error.message).toBe(`PORT must be an integer from 0 to 65535, got "${value}"`)
  })

  it('accepts the highest port', () => {
    expect(loadConfig({ PORT: '65535' }).port).toBe(65535)
  })

  it('refuses an unknown LOG_LEVEL and names LOG_LEVEL with the allowed values', () => {
    const error = configError({ LOG_LEVEL: 'verbose' })
    expect(error.variable).toBe('LOG_LEVEL')
    expect(error.message).toBe('LOG_LEVEL must be one of debug, info, warn, error, got "verbose"')
    expect(error.name).toBe('ConfigError')
  })

  it.each([
    ['ADMIN_TOKEN', 'too-short-secret', 'ADMIN_TOKEN must be 24 to 512 characters long, got 16'],
    ['ADMIN_TOKEN', 'a'.repeat(513), 'ADMIN_TOKEN must be 24 to 512 characters long, got 513'],
    ['ADMIN_TOKEN', 'has spaces in the middle of it, quite long', 'ADMIN_TOKEN may only hold the characters A-Z a-z 0-9 . _ ~ + / = -'],
    ['ADMIN_TOKEN', 'x#fragment-breaking-token-000000', 'ADMIN_TOKEN may only hold the characters'],
    ['PUBLIC_URL', 'reports.example.org', 'PUBLIC_URL must be an http or https URL'],
    ['PUBLIC_URL', 'ftp://reports.example.org', 'PUBLIC_URL must be an http or https URL'],
    ['PUBLIC_URL', 'https://reports.example.org/?a=1', 'PUBLIC_URL must be an http or https URL without query or fragment'],
    ['ALLOWED_ORIGINS', 'https://ok.example.org,example.org', 'ALLOWED_ORIGINS must be comma-separated origins like https://reports.example.org, got "example.org"'],
    ['ALLOWED_ORIGINS', 'https://ok.example.org/path', 'got "https://ok.example.org/path"'],
    ['ALLOWED_ORIGINS', '*', 'got "*"'],
    ['MAX_MESSAGE_BYTES', '1023', 'MAX_MESSAGE_BYTES must be an integer from 1024 to 1073741824, got "1023"'],
    ['MAX_MESSAGE_BYTES', '8MiB', 'MAX_MESSAGE_BYTES must be an integer from 1024 to 1073741824, got "8MiB"'],
    ['MAX_DOCUMENT_BYTES', '1073741825', 'MAX_DOCUMENT_BYTES must be an integer from 1024 to 1073741824'],
    ['MAX_MESSAGES_PER_SECOND', '0', 'MAX_MESSAGES_PER_SECOND must be an integer from 1 to 1000000, got "0"'],
    ['MAX_MESSAGES_PER_SECOND', '2.5', 'MAX_MESSAGES_PER_SECOND must be an integer from 1 to 1000000, got "2.5"'],
    ['MAX_CONNECTIONS_PER_DOCUMENT', '-3', 'MAX_CONNECTIONS_PER_DOCUMENT must be an integer from 1 to 1000000'],
    ['MAX_CONNECTION_ATTEMPTS_PER_MINUTE', 'many', 'MAX_CONNECTION_ATTEMPTS_PER_MINUTE must be an integer from 1 to 1000000'],
    ['VERSION_QUIET_MINUTES', '0', 'VERSION_QUIET_MINUTES must be an integer from 1 to 1440, got "0"'],
    ['VERSION_QUIET_MINUTES', 'soon', 'VERSION_QUIET_MINUTES must be an integer from 1 to 1440, got "soon"'],
  ])('refuses %s=%j naming the variable', (variable, value, message) => {
    const error = configError({ [variable]: value })
    expect(error.variable).toBe(variable)
    expect(error.message).toContain(message)
  })

  it('never repeats the value of a refused ADMIN_TOKEN', () => {
    expect(configError({ ADMIN_TOKEN: 'secret-but-short' }).message).not.toContain('secret-but-short')
  })
})
