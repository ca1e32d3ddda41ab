import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { Logger } from '@rapporteur/collab'
import { upgradeStatus } from '../collab/__tests__/openRawSocket.js'
import { loadConfig } from '../config/loadConfig.js'
import { createServer } from '../createServer.js'
import type { RunningServer } from '../createServer.js'

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

/** A real server on a free port, with its data in `dataDir` and no built web app. */
export function startServer(dataDir: string, logger: Logger = new RecordingLogger()): Promise<RunningServer> {
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, WEB_DIST: path.join(dataDir, 'no-web-build') })
  return createServer({ ...config, logger })
}

export async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url)
  return { status: response.status, body: await response.json() }
}

export async function postJson(url: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: response.status, body: await response.json() }
}

/** Opens a report with the stock y-websocket client and resolves once it has synced with the server. */
export function openReport(server: RunningServer, roundtableId: string): Promise<{ doc: Y.Doc; close: () => void }> {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(`${server.url.replace('http', 'ws')}/collab`, roundtableId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  const close = (): void => {
    provider.destroy()
    doc.destroy()
  }
  return new Promise((resolve) => {
    provider.once('sync', () => resolve({ doc, close }))
  })
}

/** The HTTP status the server answers a WebSocket upgrade to `/collab/<name>` with (101 when accepted). */
export function collabUpgradeStatus(server: RunningServer, name: string): Promise<number> {
  return upgradeStatus(`${server.url.replace('http', 'ws')}/collab/${name}`)
}
