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
    })
  })

  it('reads every variable', () => {
    const config = loadConfig({ PORT: '0', HOST: '0.0.0.0', DATA_DIR: '/tmp/rapporteur', LOG_LEVEL: 'WARN', WEB_DIST: 'public' })
    expect(config).toEqual({
      port: 0,
      host: '0.0.0.0',
      dataDir: '/tmp/rapporteur',
      logLevel: 'warn',
      webDist: path.resolve('public'),
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
})
