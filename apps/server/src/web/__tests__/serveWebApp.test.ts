import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import express from 'express'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { serveWebApp } from '../serveWebApp.js'

async function start(webDist: string): Promise<{ server: Server; url: string }> {
  const app = express()
  app.get('/api/known', (_request, response) => void response.json({ api: true }))
  app.use(serveWebApp({ webDist }))
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening))
  })
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }
}

describe('serveWebApp', () => {
  let dir: string
  let server: Server | undefined

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'rapporteur-web-'))
  })

  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined))
    server = undefined
    rmSync(dir, { recursive: true, force: true })
  })

  it('serves static files and index.html for client routes', async () => {
    mkdirSync(path.join(dir, 'assets'))
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>')
    writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log("app")')
    const started = await start(dir)
    server = started.server

    const asset = await fetch(`${started.url}/assets/app.js`)
    expect(asset.status).toBe(200)
    expect(asset.headers.get('content-type')).toMatch(/javascript/)
    expect(await asset.text()).toBe('console.log("app")')

    for (const route of ['/', '/report/abc123def456', '/events/abc123def456']) {
      const page = await fetch(`${started.url}${route}`)
      expect(page.status).toBe(200)
      expect(page.headers.get('content-type')).toMatch(/text\/html/)
      expect(await page.text()).toContain('<div id="root">')
    }
  })

  it('answers 404 for missing files and leaves /api, /collab and /healthz alone', async () => {
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>')
    const started = await start(dir)
    server = started.server

    expect((await fetch(`${started.url}/assets/missing.js`)).status).toBe(404)
    expect((await fetch(`${started.url}/api/known`)).headers.get('content-type')).toMatch(/json/)
    for (const route of ['/api/unknown', '/collab/abc', '/healthz']) {
      const response = await fetch(`${started.url}${route}`)
      expect(response.status).toBe(404)
      expect(await response.text()).not.toContain('<div id="root">')
    }
  })

  it('says to run pnpm build while the web app is not built', async () => {
    const started = await start(path.join(dir, 'not-built'))
    server = started.server
    const page = await fetch(`${started.url}/`)
    expect(page.status).toBe(503)
    expect(page.headers.get('content-type')).toMatch(/text\/html/)
    expect(await page.text()).toContain('pnpm build')
  })
})
