import { existsSync } from 'node:fs'
import type { RunningServer } from '@rapporteur/server'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe } from 'vitest'
import { CHROMIUM_PATH, launchChromium } from './launchChromium.js'
import { createDataDir, removeDataDir, startRapporteur } from './startRapporteur.js'

/** What the tests of a browser suite share: the real server, its data directory, and Chromium. */
export interface BrowserSuite {
  readonly browser: Browser
  readonly server: RunningServer
  readonly dataDir: string
  /** Closes the server and starts a new one on the same data directory (on a new port). */
  restartServer(): Promise<RunningServer>
}

class RunningSuite implements BrowserSuite {
  private started: { browser: Browser; server: RunningServer; dataDir: string } | undefined

  async start(): Promise<void> {
    const dataDir = createDataDir()
    this.started = { dataDir, server: await startRapporteur(dataDir), browser: await launchChromium() }
  }

  async stop(): Promise<void> {
    if (this.started === undefined) return
    await this.started.browser.close()
    await this.started.server.close()
    removeDataDir(this.started.dataDir)
  }

  get browser(): Browser {
    return this.parts().browser
  }

  get server(): RunningServer {
    return this.parts().server
  }

  get dataDir(): string {
    return this.parts().dataDir
  }

  async restartServer(): Promise<RunningServer> {
    const parts = this.parts()
    await parts.server.close()
    parts.server = await startRapporteur(parts.dataDir)
    return parts.server
  }

  private parts(): { browser: Browser; server: RunningServer; dataDir: string } {
    if (this.started === undefined) throw new Error('The browser suite has not started yet')
    return this.started
  }
}

const chromiumMissing = !existsSync(CHROMIUM_PATH)
const skipReason = `no Chromium at ${CHROMIUM_PATH}; apt-get install chromium or set CHROMIUM_PATH`

/**
 * A `describe` whose tests get a real server (fresh data directory) and a real Chromium, started before the first
 * test and stopped after the last. Without Chromium the suite is skipped and its name says why — but not in CI,
 * where a missing browser must fail the run rather than pass it silently.
 */
export function describeInBrowser(name: string, body: (suite: BrowserSuite) => void): void {
  const suite = new RunningSuite()
  if (chromiumMissing && !process.env['CI']) {
    process.stderr.write(`SKIPPED browser tests "${name}": ${skipReason}\n`)
    describe.skip(`${name} [skipped: ${skipReason}]`, () => body(suite))
    return
  }
  describe(name, () => {
    beforeAll(() => suite.start())
    afterAll(() => suite.stop())
    body(suite)
  })
}
