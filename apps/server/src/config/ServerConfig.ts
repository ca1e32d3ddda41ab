import type { LogLevel } from './LogLevel.js'

/**
 * Everything the server needs to start; `loadConfig` builds it from the environment and fills every field.
 * Fields marked optional take their default when a caller builds the config by hand (as tests do).
 */
export interface ServerConfig {
  /** TCP port to listen on; 0 picks a free port. Default 3000. */
  readonly port: number
  /** Interface to bind. Default `127.0.0.1`; put a TLS reverse proxy in front before exposing it. */
  readonly host: string
  /** Absolute directory holding `rapporteur.db` (and `admin-token` when one is generated). Default `./data`. */
  readonly dataDir: string
  /** Least severe level written to the log. Default `info`. */
  readonly logLevel: LogLevel
  /** Absolute directory of the built web app. Default `apps/web/dist`. */
  readonly webDist: string
  /** The organizer's token (`ADMIN_TOKEN`, at least 24 characters). Default: generated once into `admin-token`. */
  readonly adminToken?: string
  /** Base URL of sign-in links, e.g. `https://reports.example.org`. Default: the origin of the API request. */
  readonly publicUrl?: string
  /** Browser origins allowed to open the websocket besides the server's own. Default: none. */
  readonly allowedOrigins?: readonly string[]
  /** Largest websocket message in bytes. Default 8 MiB. */
  readonly maxMessageBytes?: number
  /** Largest report document in bytes. Default 32 MiB. */
  readonly maxDocumentBytes?: number
  /** Messages per second one connection may send (burst twice that). Default 200. */
  readonly maxMessagesPerSecond?: number
  /** Open writer connections per report document (readers are counted apart). Default 200. */
  readonly maxConnectionsPerDocument?: number
  /** Open read-only (chair, viewer) connections per report document. Default 200. */
  readonly maxReadOnlyConnectionsPerDocument?: number
  /** Open connections per report document with one token (one invite; the organizer's token). Default 50. */
  readonly maxConnectionsPerToken?: number
  /** Websocket connection attempts per minute from one remote address. Default 300. */
  readonly maxConnectionAttemptsPerMinute?: number
  /** Minutes of quiet after a stretch of editing before an automatic version is taken. Default 5. */
  readonly versionQuietMinutes?: number
}
