/**
 * The WebSocket close codes the collaboration server sends (docs/PROTOCOL.md). Mirrored here, not
 * imported: the web app depends on the documented protocol, not on server code. 44xx means
 * "reconnecting cannot fix this" (the stock client stops); 45xx means "try again later".
 */
export const CloseCode = {
  MessageInvalid: 4400,
  Unauthorized: 4401,
  Forbidden: 4403,
  AccessRevoked: 4410,
  MessageTooLarge: 4413,
  DocumentTooLarge: 4414,
  RateLimited: 4429,
  DocumentLoadFailed: 4500,
  ServerShuttingDown: 4503,
  TooManyConnections: 4508,
} as const

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]
