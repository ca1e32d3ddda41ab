import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Logger } from '@rapporteur/collab'
import { upgradeStatus } from '../collab/__tests__/openRawSocket.js'
import { loadConfig } from '../config/loadConfig.js'
import { createServer } from '../createServer.js'
import type { CreateServerOptions, RunningServer } from '../createServer.js'
import type * as Y from 'yjs'
import { connectReport } from './connectReport.js'

/** The organizer token test servers are started with (as `ADMIN_TOKEN` would give it). */
export const TEST_ADMIN_TOKEN = 'rpo_test-organizer-token-0123456789'

/** A logger that keeps entries, so tests can read what the server said. */
export class RecordingLogger implements Logger {
  readonly entries: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = []
  debug(message: string, fields?: Record<string, unknown>): void {
    this.entries.push({ level: 'debug', message, fields })
  }
  info(message: string, fields?: Record<string, unknown>): void {
    this.entries.push({ level: 'info', message, fields })
  }
  warn(message: string, fields?: Record<string, unknown>): void {
    this.entries.push({ level: 'warn', message, fields })
  }
  error(message: string, fields?: Record<string, unknown>): void {
    this.entries.push({ level: 'error', message, fields })
  }
}

export function createTempDir(prefix = 'rapporteur-server-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix))
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * A real server on a free port, with its data in `dataDir`, no built web app, and `TEST_ADMIN_TOKEN` as the
 * organizer token. `env` adds environment variables (read by `loadConfig`); `overrides` replace config fields.
 */
export function startServer(
  dataDir: string,
  logger: Logger = new RecordingLogger(),
  { env = {}, overrides = {} }: { env?: NodeJS.ProcessEnv; overrides?: Partial<CreateServerOptions> } = {},
): Promise<RunningServer> {
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    WEB_DIST: path.join(dataDir, 'no-web-build'),
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    ...env,
  })
  return createServer({ ...config, logger, ...overrides })
}

export interface JsonResponse {
  status: number
  body: unknown
  headers: Headers
}

/** Sends a JSON request with `Authorization: Bearer <token>` (none when `token` is null). */
export async function requestJson(
  method: string,
  url: string,
  { body, token = TEST_ADMIN_TOKEN }: { body?: unknown; token?: string | null } = {},
): Promise<JsonResponse> {
  const headers: Record<string, string> = {}
  if (token !== null) headers.authorization = `Bearer ${token}`
  if (body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(url, {
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  })
  const text = await response.text()
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown), headers: response.headers }
}

/** `GET` as the organizer (or with `token`); resolves with status and parsed body. */
export async function getJson(url: string, token: string | null = TEST_ADMIN_TOKEN): Promise<{ status: number; body: unknown }> {
  const { status, body } = await requestJson('GET', url, { token })
  return { status, body }
}

/** `POST` as the organizer (or with `token`); resolves with status and parsed body. */
export async function postJson(
  url: string,
  body: unknown,
  token: string | null = TEST_ADMIN_TOKEN,
): Promise<{ status: number; body: unknown }> {
  const response = await requestJson('POST', url, { body, token })
  return { status: response.status, body: response.body }
}

/** Opens a report with the stock y-websocket client (as the organizer by default) and resolves once synced. */
export async function openReport(
  server: RunningServer,
  roundtableId: string,
  token: string = TEST_ADMIN_TOKEN,
): Promise<{ doc: Y.Doc; close: () => void }> {
  const client = connectReport(server.url, roundtableId, token)
  await client.synced()
  return { doc: client.doc, close: () => client.destroy() }
}

/** The HTTP status the server answers a WebSocket upgrade to `/collab/<name>` with (101 when accepted). */
export function collabUpgradeStatus(server: RunningServer, name: string): Promise<number> {
  return upgradeStatus(`${server.url.replace('http', 'ws')}/collab/${name}`)
}
