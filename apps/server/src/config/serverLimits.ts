import { defaultCollabLimits } from '@rapporteur/collab'
import type { ServerConfig } from './ServerConfig.js'

/** Connection attempts per minute per remote address: many rapporteurs may share one conference NAT. */
export const DEFAULT_CONNECTION_ATTEMPTS_PER_MINUTE = 300

/** Every limit of the server, defaults filled in. */
export interface ServerLimits {
  readonly maxMessageBytes: number
  readonly maxDocumentBytes: number
  readonly maxMessagesPerSecond: number
  readonly maxConnectionsPerDocument: number
  readonly maxConnectionAttemptsPerMinute: number
}

/** The limits of `config`, each taking its default when unset. */
export function serverLimits(config: Pick<ServerConfig, keyof ServerLimits>): ServerLimits {
  return {
    maxMessageBytes: config.maxMessageBytes ?? defaultCollabLimits.maxMessageBytes,
    maxDocumentBytes: config.maxDocumentBytes ?? defaultCollabLimits.maxDocumentBytes,
    maxMessagesPerSecond: config.maxMessagesPerSecond ?? defaultCollabLimits.messagesPerSecond,
    maxConnectionsPerDocument: config.maxConnectionsPerDocument ?? defaultCollabLimits.maxConnectionsPerDocument,
    maxConnectionAttemptsPerMinute: config.maxConnectionAttemptsPerMinute ?? DEFAULT_CONNECTION_ATTEMPTS_PER_MINUTE,
  }
}
