import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { silentLogger } from '@rapporteur/collab'
import { createServer } from '../createServer.js'
import { DEMO_EVENT_TITLE } from '../demo/seedDemo.js'

// `pnpm --filter @rapporteur/server compiled-demo` (after `build`): starts the real server on a fresh, temporary
// data directory (which seeds the demo event), asks its API for the demo event's compiled closing report in
// Markdown, writes it to stdout, and removes everything it made. Errors go to stderr with exit code 1.

async function compiledDemoMarkdown(): Promise<string> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'rapporteur-compiled-demo-'))
  const adminToken = randomBytes(24).toString('hex')
  const server = await createServer({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    logLevel: 'error',
    logger: silentLogger,
    webDist: path.join(dataDir, 'no-web-build'),
    adminToken,
  })
  try {
    const headers = { authorization: `Bearer ${adminToken}` }
    const listed = (await (await fetch(`${server.url}/api/events`, { headers })).json()) as { events: Array<{ id: string; title: string }> }
    const demo = listed.events.find((event) => event.title === DEMO_EVENT_TITLE)
    if (demo === undefined) throw new Error('The demo event was not seeded')
    const response = await fetch(`${server.url}/api/events/${encodeURIComponent(demo.id)}/export?format=md`, { headers })
    if (!response.ok) throw new Error(`The export answered ${response.status}: ${await response.text()}`)
    return await response.text()
  } finally {
    await server.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

compiledDemoMarkdown().then(
  (markdown) => process.stdout.write(markdown),
  (error: unknown) => {
    process.stderr.write(`compiled-demo failed: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  },
)
