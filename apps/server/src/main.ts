import { ConfigError } from './config/ConfigError.js'
import type { ServerConfig } from './config/ServerConfig.js'
import { loadConfig } from './config/loadConfig.js'
import { createServer } from './createServer.js'
import type { RunningServer } from './createServer.js'
import { JsonLogger } from './logger/JsonLogger.js'

// `node dist/main.js`: configuration from the environment, JSON-lines log on stdout,
// SIGTERM/SIGINT close the server gracefully (a second signal exits at once).
// On the first start without ADMIN_TOKEN, the organizer's sign-in link is printed once on stdout as a plain
// line (never through the JSON log).

let config: ServerConfig
try {
  config = loadConfig(process.env)
} catch (error) {
  if (!(error instanceof ConfigError)) throw error
  process.stderr.write(`Invalid configuration: ${error.message}\n`)
  process.exit(1)
}

const logger = new JsonLogger({ level: config.logLevel })
let server: RunningServer | undefined
let stopSignal: NodeJS.Signals | undefined

const closeAndExit = (running: RunningServer): void => {
  running.close().then(
    () => {
      logger.info('stopped')
      process.exit(0)
    },
    (error: unknown) => {
      logger.error('shutdown failed', { error })
      process.exit(1)
    },
  )
}

// Installed before starting, so a signal that comes while starting (or just after) is never missed.
const onSignal = (signal: NodeJS.Signals): void => {
  if (stopSignal !== undefined) {
    logger.warn('second signal, exiting without waiting', { signal })
    process.exit(1)
  }
  stopSignal = signal
  logger.info('shutting down', { signal })
  if (server !== undefined) closeAndExit(server)
}
process.on('SIGTERM', onSignal)
process.on('SIGINT', onSignal)

try {
  server = await createServer({ ...config, logger, announce: (line) => void process.stdout.write(line) })
} catch (error) {
  logger.error('could not start', { error })
  process.exit(1)
}
if (stopSignal === undefined) logger.info('listening', { url: server.url, dataDir: config.dataDir })
else closeAndExit(server)
