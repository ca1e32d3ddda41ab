import type { ServerConfig } from './ServerConfig.js'

/** Chairs and viewers on one report, counted apart from its writers so that they can never keep rapporteurs out. */
export const DEFAULT_READONLY_CONNECTIONS_PER_DOCUMENT = 200
/** Connections one token (one invite, or the organizer's token) may hold on one report: plenty of tabs, not the report. */
export const DEFAULT_CONNECTIONS_PER_TOKEN = 50

/** The limits that keep readers, and any one token, from crowding writers out of a report. */
export interface ReaderConnectionLimits {
  readonly maxReadOnlyConnectionsPerDocument: number
  readonly maxConnectionsPerToken: number
}

/** The reader limits of `config`, each taking its default when unset. */
export function readerConnectionLimits(config: Pick<ServerConfig, keyof ReaderConnectionLimits>): ReaderConnectionLimits {
  return {
    maxReadOnlyConnectionsPerDocument: config.maxReadOnlyConnectionsPerDocument ?? DEFAULT_READONLY_CONNECTIONS_PER_DOCUMENT,
    maxConnectionsPerToken: config.maxConnectionsPerToken ?? DEFAULT_CONNECTIONS_PER_TOKEN,
  }
}
