import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readMetaField, reportMeta, sectionFragment, setMetaField } from '@rapporteur/template'
import { loadConfig } from '../config/loadConfig.js'
import { createServer } from '../createServer.js'
import type { RunningServer } from '../createServer.js'
import { RecordingLogger, createTempDir, getJson, openReport, postJson, startServer, collabUpgradeStatus } from './testServer.js'

interface Listed {
  events: Array<{ id: string; title: string; roundtables?: unknown }>
}

describe('createServer', () => {
  let temp: ReturnType<typeof createTempDir>
  let server: RunningServer | undefined

  beforeEach(() => {
    temp = createTempDir()
  })

  afterEach(async () => {
    await server?.close()
    server = undefined
    temp.remove()
  })

  it('answers the health check on the port it bound', async () => {
    server = await startServer(temp.dir)
    expect(server.port).toBeGreaterThan(0)
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`)
    expect(await getJson(`${server.url}/healthz`)).toEqual({ status: 200, body: { status: 'ok' } })
  })

  it('says how to build the web app when it is not built, beside a working API', async () => {
    server = await startServer(temp.dir)
    const page = await fetch(`${server.url}/report/abcdefghijkl`)
    expect(page.status).toBe(503)
    expect(await page.text()).toContain('pnpm build')
    expect((await getJson(`${server.url}/api/events`)).status).toBe(200)
  })

  it('seeds the demo event on the first start only', async () => {
    server = await startServer(temp.dir)
    const first = (await getJson(`${server.url}/api/events`)).body as Listed
    expect(first.events.map((event) => event.title)).toEqual(['Demo conference'])
    const demo = (await getJson(`${server.url}/api/events/${first.events[0]?.id}`)).body as {
      closingAt: string
      roundtables: Array<{ id: string; title: string; templateId: string }>
    }
    expect(Date.parse(demo.closingAt)).toBeGreaterThan(Date.now())
    expect(demo.roundtables).toMatchObject([{ title: 'South-South mobility and migration', templateId: 'roundtable-report' }])

    const report = await openReport(server, demo.roundtables[0]?.id ?? '')
    expect(readMetaField(report.doc, 'title')).toBe('South-South mobility and migration')
    expect(sectionFragment(report.doc, 'summary').toString()).toContain('South-South mobility')
    expect(sectionFragment(report.doc, 'challenges').length).toBeGreaterThan(0)
    report.close()

    await server.close()
    server = await startServer(temp.dir)
    const again = (await getJson(`${server.url}/api/events`)).body as Listed
    expect(again.events).toEqual(first.events)
  })

  it('keeps events, roundtables and report edits across a restart', async () => {
    server = await startServer(temp.dir)
    const event = (await postJson(`${server.url}/api/events`, { title: 'Kept', closingAt: '2031-05-01T12:00:00Z' })).body as { id: string }
    const roundtable = (await postJson(`${server.url}/api/events/${event.id}/roundtables`, { title: 'Ports' })).body as { id: string }
    const writer = await openReport(server, roundtable.id)
    const watcher = await openReport(server, roundtable.id)
    const arrived = new Promise<void>((resolve) => {
      reportMeta(watcher.doc).observeDeep(() => {
        if (readMetaField(watcher.doc, 'session') === 'Session 3') resolve()
      })
    })
    setMetaField(writer.doc, 'session', 'Session 3')
    await arrived
    // The edit has reached the server; closing right away must still store it.
    await server.close()
    writer.close()
    watcher.close()

    server = await startServer(temp.dir)
    const listed = (await getJson(`${server.url}/api/events/${event.id}/roundtables`)).body
    expect(listed).toEqual({ roundtables: [expect.objectContaining({ id: roundtable.id, title: 'Ports' })] })
    const reader = await openReport(server, roundtable.id)
    expect(readMetaField(reader.doc, 'title')).toBe('Ports')
    expect(readMetaField(reader.doc, 'session')).toBe('Session 3')
    reader.close()
  })

  it('seeds meta.title of a new roundtable before any client connects', async () => {
    server = await startServer(temp.dir)
    const event = (await postJson(`${server.url}/api/events`, { title: 'Forum', closingAt: '2031-05-01T12:00:00Z' })).body as { id: string }
    const created = await postJson(`${server.url}/api/events/${event.id}/roundtables`, { title: '  Climate and labour  ' })
    expect(created.status).toBe(201)
    const roundtable = created.body as { id: string; title: string }
    expect(roundtable.title).toBe('Climate and labour')
    const report = await openReport(server, roundtable.id)
    expect(readMetaField(report.doc, 'title')).toBe('Climate and labour')
    expect(sectionFragment(report.doc, 'summary').length).toBe(0)
    report.close()
  })

  it('refuses a WebSocket for an unknown roundtable with 404 and accepts a known one', async () => {
    server = await startServer(temp.dir)
    expect(await collabUpgradeStatus(server, 'abcdefghijkl')).toBe(404)
    const events = (await getJson(`${server.url}/api/events`)).body as Listed
    const demo = (await getJson(`${server.url}/api/events/${events.events[0]?.id}/roundtables`)).body as {
      roundtables: Array<{ id: string }>
    }
    expect(await collabUpgradeStatus(server, demo.roundtables[0]?.id ?? '')).toBe(101)
  })

  it('closes idempotently and refuses connections afterwards', async () => {
    server = await startServer(temp.dir)
    const { url } = server
    await Promise.all([server.close(), server.close()])
    await server.close()
    await expect(fetch(`${url}/healthz`)).rejects.toThrow()
  })

  it('fails to start on a port in use and releases what it opened', async () => {
    server = await startServer(temp.dir)
    const other = createTempDir()
    const config = loadConfig({ PORT: String(server.port), DATA_DIR: other.dir, WEB_DIST: other.dir })
    await expect(createServer({ ...config, logger: new RecordingLogger() })).rejects.toThrow(/EADDRINUSE/)
    // Everything it opened was released: the same directory starts cleanly afterwards.
    const retry = await startServer(other.dir)
    expect((await getJson(`${retry.url}/healthz`)).status).toBe(200)
    await retry.close()
    other.remove()
  })
})
