import type { Logger } from '../Logger.js'

export interface LogLine {
  level: 'debug' | 'info' | 'warn' | 'error'
  message: string
  fields: Record<string, unknown>
}

/** A logger that keeps every line, for tests that assert what was logged. */
export class RecordingLogger implements Logger {
  readonly lines: LogLine[] = []

  debug(message: string, fields: Record<string, unknown> = {}): void {
    this.lines.push({ level: 'debug', message, fields })
  }

  info(message: string, fields: Record<string, unknown> = {}): void {
    this.lines.push({ level: 'info', message, fields })
  }

  warn(message: string, fields: Record<string, unknown> = {}): void {
    this.lines.push({ level: 'warn', message, fields })
  }

  error(message: string, fields: Record<string, unknown> = {}): void {
    this.lines.push({ level: 'error', message, fields })
  }

  at(level: LogLine['level']): LogLine[] {
    return this.lines.filter((line) => line.level === level)
  }
}
