import type { LogLevel } from '../config/LogLevel.js'
import { LOG_LEVELS } from '../config/LogLevel.js'
import { logFieldValue } from './logFieldValue.js'

export interface JsonLoggerOptions {
  /** Least severe level written. Default `info`. */
  readonly level?: LogLevel
  /** Receives each line, newline included. Default: `process.stdout.write`. */
  readonly write?: (line: string) => void
  /** Clock for the `time` field. Default `() => new Date()`. */
  readonly now?: () => Date
}

type LogFields = Record<string, unknown>

/**
 * Writes one JSON object per line: `{"time","level","message",...fields}`. Fields whose name looks
 * like a secret (password, token, cookie, authorization, …) are written as `"[redacted]"`; errors are
 * written as `{ name, message, stack }`.
 */
export class JsonLogger {
  private readonly threshold: number
  private readonly write: (line: string) => void
  private readonly now: () => Date

  constructor(options: JsonLoggerOptions = {}) {
    this.threshold = LOG_LEVELS.indexOf(options.level ?? 'info')
    this.write = options.write ?? ((line) => void process.stdout.write(line))
    this.now = options.now ?? (() => new Date())
  }

  debug(message: string, fields?: LogFields): void {
    this.log('debug', message, fields)
  }

  info(message: string, fields?: LogFields): void {
    this.log('info', message, fields)
  }

  warn(message: string, fields?: LogFields): void {
    this.log('warn', message, fields)
  }

  error(message: string, fields?: LogFields): void {
    this.log('error', message, fields)
  }

  private log(level: LogLevel, message: string, fields: LogFields | undefined): void {
    if (LOG_LEVELS.indexOf(level) < this.threshold) return
    const entry: LogFields = { time: this.now().toISOString(), level, message }
    for (const [name, value] of Object.entries(fields ?? {})) {
      entry[name in entry ? `field.${name}` : name] = logFieldValue(name, value)
    }
    this.write(`${serialize(entry)}\n`)
  }
}

function serialize(entry: LogFields): string {
  try {
    return JSON.stringify(entry, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))
  } catch {
    return JSON.stringify({ time: entry.time, level: entry.level, message: entry.message, logError: 'unserializable fields' })
  }
}
