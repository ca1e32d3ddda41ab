import { ApiError } from './ApiError.js'

const DATE_TIME =
  /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})T(?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](?<offsetHour>\d{2}):(?<offsetMinute>\d{2}))$/i

/** A body field holding an ISO 8601 date-time with a time zone, normalized to UTC (`toISOString`). */
export function readDateTime(value: unknown, field: string): string {
  const expected = `${field} must be an ISO 8601 date-time with a time zone, e.g. "2030-06-30T17:00:00Z"`
  if (typeof value !== 'string') throw ApiError.invalidRequest(expected)
  const text = value.trim()
  const parts = DATE_TIME.exec(text)?.groups
  if (parts === undefined) throw ApiError.invalidRequest(`${expected}, got ${JSON.stringify(value)}`)
  const number = (name: string): number => Number(parts[name] ?? 0)
  const year = number('year')
  const month = number('month')
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const real =
    month >= 1 &&
    month <= 12 &&
    number('day') >= 1 &&
    number('day') <= daysInMonth &&
    number('hour') <= 23 &&
    number('minute') <= 59 &&
    number('second') <= 59 &&
    number('offsetHour') <= 23 &&
    number('offsetMinute') <= 59
  if (!real) throw ApiError.invalidRequest(`${field} is not a real date and time: ${JSON.stringify(value)}`)
  return new Date(text).toISOString()
}
