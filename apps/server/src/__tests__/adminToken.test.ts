import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN_FILE } from '../auth/loadOrganizerToken.js'
import { loadConfig } from '../config/loadConfig.js'
import { createServer } from '../createServer.js'
import { JsonLogger } from '../logger/JsonLogger.js'
import { RecordingLogger, createTempDir, getJson, postJson } from './testServer.js'

/** Starts a server without ADMIN_TOKEN in `dataDir`; collects announced lines and JSON log lines. */
async function startWithoutAdminToken(dataDir: string, env: NodeJS.ProcessEnv = {}) {
  const announced: string[] = []
  const logLines: string[] = []
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, WEB_DIST: path.join(dataDir, 'web'), LOG_LEVEL: 'debug', ...env })
  const server = await createServer({
    ...config,
    logger: new JsonLogger({ level: 'debug', write: (line) => logLines.push(line) }),
    announce: (line) => announced.push(line),
  })
  return { server, announced, logLines }
}

describe('the organizer token', () => {
  let temp: ReturnType<typeof createTempDir>

  beforeEach(() => {
    temp = createTempDir('rapporteur-admin-')
  })

  afterEach(() => {
    temp.remove()
  })

  it('is generated once into DATA_DIR/admin-token (mode 0600), its link announced on the first start only', async () => {
    const first = await startWithoutAdminToken(temp.dir)
    const file = path.join(temp.dir, ADMIN_TOKEN_FILE)
    const token = readFileSync(file, 'utf8').trim()
    expect(token).toMatch(/^rpo_[A-Za-z0-9_-]{43}$/)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const link = `${first.server.url}/invite#${token}`
    expect(first.server.adminSignInUrl).toBe(link)
    expect(first.announced).toEqual([`Organizer sign-in link (shown once; keep it secret): ${link}\n`])
    expect(first.logLines.join('')).not.toContain(token)
    expect(first.logLines.join('')).toContain('organizer token generated')

    // The token works: the organizer can create an event.
    const created = await postJson(`${first.server.url}/api/events`, { title: 'Mine', closingAt: '2099-01-01T00:00:00Z' }, token)
    expect(created.status).toBe(201)
    await first.server.close()

    const second = await startWithoutAdminToken(temp.dir)
    try {
      expect(second.announced).toEqual([])
      expect(second.server.adminSignInUrl).toBeUndefined()
      expect(readFileSync(file, 'utf8').trim()).toBe(token)
      expect((await getJson(`${second.server.url}/api/session`, token)).body).toEqual({ role: 'organizer' })
      expect(second.logLines.join('')).not.toContain(token)
    } finally {
      await second.server.close()
    }
  })

  it('puts PUBLIC_URL in the announced link', async () => {
    const started = await startWithoutAdminToken(temp.dir, { PUBLIC_URL: 'https://reports.example.org' })
    try {
      expect(started.server.adminSignInUrl).toMatch(/^https:\/\/reports\.example\.org\/invite#rpo_/)
      expect(started.announced[0]).toContain(started.server.adminSignInUrl)
    } finally {
      await started.server.close()
    }
  })

  it('comes from ADMIN_TOKEN when set: no file, no announcement, the generated one not accepted', async () => {
    const adminToken = 'a-long-enough-organizer-token-from-env'
    const started = await startWithoutAdminToken(temp.dir, { ADMIN_TOKEN: adminToken })
    try {
      expect(existsSync(path.join(temp.dir, ADMIN_TOKEN_FILE))).toBe(false)
      expect(started.announced).toEqual([])
      expect(started.server.adminSignInUrl).toBeUndefined()
      expect((await getJson(`${started.server.url}/api/session`, adminToken)).body).toEqual({ role: 'organizer' })
      expect((await getJson(`${started.server.url}/api/session`, 'a-long-enough-organizer-token-from-enV')).status).toBe(401)
    } finally {
      await started.server.close()
    }
  })

  it('is not kept when the start fails, so the next start announces a new one', async () => {
    const blockerDir = createTempDir('rapporteur-admin-blocker-')
    const blocker = await startWithoutAdminToken(blockerDir.dir)
    const config = loadConfig({ PORT: String(blocker.server.port), DATA_DIR: temp.dir, WEB_DIST: temp.dir })
    const announced: string[] = []
    await expect(
      createServer({ ...config, logger: new RecordingLogger(), announce: (line) => announced.push(line) }),
    ).rejects.toThrow(/EADDRINUSE/)
    await blocker.server.close()
    blockerDir.remove()
    expect(announced).toEqual([])
    expect(existsSync(path.join(temp.dir, ADMIN_TOKEN_FILE))).toBe(false)
  })
})
