/**
 * The y-websocket wire protocol: every message starts with one of these outer message types (a varUint),
 * followed by its payload. Sync payloads start with a sub-type from `y-protocols/sync`
 * (`messageYjsSyncStep1 = 0`, `messageYjsSyncStep2 = 1`, `messageYjsUpdate = 2`).
 */
export const messageSync = 0
export const messageAwareness = 1
export const messageAuth = 2
export const messageQueryAwareness = 3

/**
 * WebSocket close codes the collaboration server sends (RFC 6455 keeps 4000–4999 for applications).
 * The stock y-websocket client stops reconnecting on 4400–4499 (a decision reconnecting cannot fix)
 * and retries on every other code, so "try again later" codes live in 4500–4599.
 */
export const CloseCode = {
  /** The client sent a message the server cannot read. Reconnecting would send it again. */
  MessageInvalid: 4400,
  /** The document could not be loaded from storage. Nothing was stored; the client may retry later. */
  DocumentLoadFailed: 4500,
  /** The server is stopping after storing every update it received; the client may retry later. */
  ServerShuttingDown: 4503,
} as const

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]
