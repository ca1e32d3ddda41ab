import { afterAll, beforeAll } from 'vitest'
import { buildServerMain, ServerProcess } from './ServerProcess.js'
import { createTempDir } from './testServer.js'
import type { TypingClient } from './typingClients.js'

/** What a test file running the real server as a child process shares. */
export interface ChildServerSuite {
  /** The data directory every start of the server uses. */
  readonly dataDir: string
  /** Clients to destroy at the end. */
  readonly clients: TypingClient[]
  /** Starts the built server on `port` and `dataDir`; resolves once it answers. The last one started is killed at the end. */
  start(port: number): Promise<ServerProcess>
}

/** Builds the server once for the file (into its own folder), and cleans up clients, process and data after it. */
export function useChildServer(name: string, adminToken: string): ChildServerSuite {
  const temp = createTempDir(`rapporteur-${name}-`)
  let mainFile = ''
  let latest: ServerProcess | undefined
  const clients: TypingClient[] = []

  beforeAll(() => {
    mainFile = buildServerMain(name)
  }, 120_000)

  afterAll(async () => {
    for (const client of clients) client.destroy()
    await latest?.stop('SIGKILL')
    temp.remove()
  })

  return {
    dataDir: temp.dir,
    clients,
    async start(port) {
      latest = new ServerProcess(mainFile, { PORT: port, DATA_DIR: temp.dir, ADMIN_TOKEN: adminToken })
      await latest.ready()
      return latest
    },
  }
}
