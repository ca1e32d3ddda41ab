import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createServer, type RunningServer } from '@rapporteur/server'

/** The built web app the server serves; `pnpm --filter @rapporteur/web build` makes it. */
export const WEB_DIST = fileURLToPath(new URL('../../../apps/web/dist/', import.meta.url))

/** The organizer's token of every test server: tests sign in as organizer with it. */
export const E2E_ADMIN_TOKEN = 'e2e-admin-token-0123456789abcdef'

/** A fresh data directory for one test file; remove it with `removeDataDir`. */
export function createDataDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'rapporteur-e2e-'))
}

export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true })
}

/** The real server, in this process, on a free port, storing into `dataDir`, with a known organizer token. */
export function startRapporteur(dataDir: string): Promise<RunningServer> {
  if (!existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(`No built web app in ${WEB_DIST}: run \`pnpm --filter @rapporteur/web build\` first.`)
  }
  return createServer({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'warn', webDist: WEB_DIST, adminToken: E2E_ADMIN_TOKEN })
}
