import { readDateTime } from './readDateTime.js'

/** The `closingAt` field, normalized to UTC (`toISOString`). */
export function readClosingAt(body: Record<string, unknown>): string {
  return readDateTime(body.closingAt, 'closingAt')
}
