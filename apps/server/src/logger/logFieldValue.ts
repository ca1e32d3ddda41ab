const SECRET_NAME = /password|passwd|passphrase|secret|token|authori[sz]ation|cookie|api[-_]?key|credential|private[-_]?key/i

const MAX_DEPTH = 4

/** The value to log for one field: secrets redacted (at any depth), errors turned into plain objects. */
export function logFieldValue(name: string, value: unknown, depth = 0): unknown {
  if (SECRET_NAME.test(name)) return '[redacted]'
  if (value instanceof Error) {
    return { name: value.name, message: value.message, stack: value.stack }
  }
  if (value === null || typeof value !== 'object') return value
  if (depth >= MAX_DEPTH) return '[truncated]'
  if (Array.isArray(value)) return value.map((item) => logFieldValue('', item, depth + 1))
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, logFieldValue(key, item, depth + 1)]),
    )
  }
  return value
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}
