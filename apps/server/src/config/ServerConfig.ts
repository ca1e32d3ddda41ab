import type { LogLevel } from './LogLevel.js'

/** Everything the server needs to start; `loadConfig` builds it from the environment. */
export interface ServerConfig {
  /** TCP port to listen on; 0 picks a free port. Default 3000. */
  readonly port: number
  /** Interface to bind. Default `127.0.0.1` (there is no authentication yet). */
  readonly host: string
  /** Absolute directory holding `rapporteur.db`. Default `./data`. */
  readonly dataDir: string
  /** Least severe level written to the log. Default `info`. */
  readonly logLevel: LogLevel
  /** Absolute directory of the built web app. Default `apps/web/dist`. */
  readonly webDist: string
}
