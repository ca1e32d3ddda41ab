/** Bounds on what one client can make the server do. Past a bound the connection is closed; see `CloseCode`. */
export interface CollabLimits {
  /** Longest message a client may send, in bytes; a longer one closes the connection (4413) before decoding. */
  maxMessageBytes: number
  /**
   * Largest a document may grow to, in bytes of its encoded state; an update that would pass it is not applied
   * and closes the connection (4414). Measured cheaply: the stored size at load plus each applied update,
   * re-measured exactly whenever the document is compacted.
   */
  maxDocumentBytes: number
  /**
   * Messages per second a connection may send on average (a token bucket refilled at this rate that holds
   * twice as many, so bursts of up to 2× pass); more closes the connection (4429).
   */
  messagesPerSecond: number
  /**
   * Writer connections one document may have at once (read-only ones are counted apart, so readers can never keep
   * writers out); one more is closed at once (4508).
   */
  maxConnectionsPerDocument: number
  /**
   * Read-only connections one document may have at once; one more is closed at once (4508). Default: no limit
   * (the server sets one: `MAX_READONLY_CONNECTIONS_PER_DOCUMENT`).
   */
  maxReadOnlyConnectionsPerDocument?: number
  /**
   * Connections of one document sharing a `limitKey` (`ConnectionOptions.limitKey`: the server passes the invite),
   * writers and readers alike; one more is closed at once (4508). Connections without a key are not counted.
   * Default: no limit (the server sets one: `MAX_CONNECTIONS_PER_TOKEN`).
   */
  maxConnectionsPerLimitKey?: number
}

/** The limits that have no default: unbounded unless given. */
const optionalLimits = ['maxReadOnlyConnectionsPerDocument', 'maxConnectionsPerLimitKey'] as const

const mebibyte = 1024 * 1024

export const defaultCollabLimits: CollabLimits = Object.freeze({
  maxMessageBytes: 8 * mebibyte,
  maxDocumentBytes: 32 * mebibyte,
  messagesPerSecond: 200,
  maxConnectionsPerDocument: 200,
})

/** The defaults overridden by `limits`; throws a `RangeError` naming the first limit that is not a positive integer. */
export function resolveCollabLimits(limits: Partial<CollabLimits> = {}): CollabLimits {
  const resolved: CollabLimits = { ...defaultCollabLimits }
  for (const name of [...(Object.keys(defaultCollabLimits) as (keyof CollabLimits)[]), ...optionalLimits]) {
    const value: unknown = limits[name]
    if (value === undefined) continue
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) {
      throw new RangeError(`Collab limit ${name} must be a positive integer, got ${String(value)}`)
    }
    resolved[name] = value
  }
  return resolved
}
