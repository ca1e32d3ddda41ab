import { describe, expect, it } from 'vitest'
import type { LogLevel } from '../../config/LogLevel.js'
import { JsonLogger } from '../JsonLogger.js'

function capture(level: LogLevel = 'debug') {
  const lines: string[] = []
  const logger = new JsonLogger({ level, write: (line) => lines.push(line), now: () => new Date('2030-01-02T03:04:05.000Z') })
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>)
  return { logger, lines, entries }
}

describe('JsonLogger', () => {
  it('writes one JSON object per line with time, level, message and fields', () => {
    const { logger, lines } = capture()
    logger.info('listening', { url: 'http://127.0.0.1:3000' })
    expect(lines).toEqual([
      '{"time":"2030-01-02T03:04:05.000Z","level":"info","message":"listening","url":"http://127.0.0.1:3000"}\n',
    ])
  })

  it('drops entries below its level', () => {
    const { logger, entries } = capture('warn')
    logger.debug('d')
    logger.info('i')
    logger.warn('w')
    logger.error('e')
    expect(entries().map((entry) => entry.level)).toEqual(['warn', 'error'])
  })

  it('redacts fields named like secrets, at any depth', () => {
    const { logger, lines } = capture()
    logger.info('request', {
      password: 'hunter2',
      headers: { Authorization: 'Bearer abc', cookie: 'sid=1', accept: 'json' },
      apiKey: 'k',
      sessionToken: 't',
    })
    expect(lines[0]).not.toMatch(/hunter2|Bearer abc|sid=1|"k"|"t"/)
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({
      password: '[redacted]',
      headers: { Authorization: '[redacted]', cookie: '[redacted]', accept: 'json' },
      apiKey: '[redacted]',
      sessionToken: '[redacted]',
    })
  })

  it('writes errors with name, message and stack', () => {
    const { logger, entries } = capture()
    logger.error('failed', { error: new TypeError('boom') })
    const error = entries()[0]?.error as Record<string, unknown>
    expect(error).toMatchObject({ name: 'TypeError', message: 'boom' })
    expect(error.stack).toContain('TypeError: boom')
  })

  it('keeps its own keys when a field has the same name', () => {
    const { logger, entries } = capture()
    logger.warn('real message', { message: 'spoofed', level: 'error' })
    expect(entries()[0]).toMatchObject({ level: 'warn', message: 'real message', 'field.message': 'spoofed', 'field.level': 'error' })
  })

  it('survives circular and bigint fields', () => {
    const { logger, entries } = capture()
    const loop: Record<string, unknown> = { name: 'loop' }
    loop.self = loop
    logger.info('odd fields', { loop, big: 10n })
    expect(entries()[0]).toMatchObject({ message: 'odd fields', big: '10', loop: { name: 'loop' } })
  })
})
