import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addQuote, sectionFragment, writeRichNodes, type RichNode } from '@rapporteur/template'
import type { RunningServer } from '../../createServer.js'
import { createChairInvite, createInviteFixture, type InviteFixture } from '../../__tests__/inviteFixture.js'
import { createTempDir, openReport, TEST_ADMIN_TOKEN, startServer } from '../../__tests__/testServer.js'

const paragraph = (text: string): RichNode => ({ type: 'paragraph', content: [{ type: 'text', text }] })

/** GET with the token as a Bearer header (default) or as `?token=`; null: no token. */
async function get(url: string, token: string | null = TEST_ADMIN_TOKEN, via: 'header' | 'query' = 'header'): Promise<{ status: number; text: string; type: string }> {
  const target = new URL(url)
  const headers: Record<string, string> = {}
  if (token !== null && via === 'header') headers.authorization = `Bearer ${token}`
  if (token !== null && via === 'query') target.searchParams.set('token', token)
  const response = await fetch(target, { headers })
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') ?? '' }
}

describe('one section across all roundtables API', () => {
  const temp = createTempDir()
  let server: RunningServer
  let api: string
  let fixture: InviteFixture

  beforeAll(async () => {
    server = await startServer(temp.dir)
    api = `${server.url}/api`
    fixture = await createInviteFixture(server)
    for (const [roundtable, text] of [
      [fixture.a1, 'Visas take months.'],
      [fixture.a2, 'Skills are not recognised.'],
    ] as const) {
      const report = await openReport(server, roundtable)
      writeRichNodes(sectionFragment(report.doc, 'challenges'), [paragraph(text)])
      writeRichNodes(sectionFragment(report.doc, 'summary'), [paragraph(`Summary of ${text}`)])
      if (roundtable === fixture.a1) {
        addQuote(report.doc, { text: 'Borders connect.', speaker: 'Yusra Pendlebury', affiliation: 'Office of Quiet', description: 'delegate', consent: 'pending' })
      }
      for (let attempt = 0; attempt < 200; attempt += 1) {
        if ((await get(`${api}/roundtables/${roundtable}/export?format=md`)).text.includes(text)) break
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      report.close()
    }
  })

  afterAll(async () => {
    await server.close()
    temp.remove()
  })

  it('answers the section of every roundtable in order, under its title, as Markdown, HTML and JSON', async () => {
    const markdown = await get(`${api}/events/${fixture.eventA}/sections/challenges?format=md`)
    expect(markdown.status).toBe(200)
    expect(markdown.type).toBe('text/markdown; charset=utf-8')
    expect(markdown.text).toMatch(/^# Event A — Challenges\n/)
    expect(markdown.text.indexOf('## 1. A one')).toBeLessThan(markdown.text.indexOf('Visas take months.'))
    expect(markdown.text.indexOf('Visas take months.')).toBeLessThan(markdown.text.indexOf('## 2. A two'))
    expect(markdown.text.indexOf('## 2. A two')).toBeLessThan(markdown.text.indexOf('Skills are not recognised.'))
    expect(markdown.text).not.toContain('Summary of')

    const html = await get(`${api}/events/${fixture.eventA}/sections/challenges?format=html`)
    expect(html.type).toBe('text/html; charset=utf-8')
    expect(html.text).toContain('<h2>1. A one <span class="not-ready">(not ready)</span></h2>')

    const json = JSON.parse((await get(`${api}/events/${fixture.eventA}/sections/challenges?format=json`)).text) as {
      section: { id: string; title: string }
      sections: Array<{ id: string; title: string }>
      article: string
      roundtables: Array<{ title: string; ready: unknown }>
    }
    expect(json.section).toEqual({ id: 'challenges', title: 'Challenges' })
    expect(json.sections.map((section) => section.id)).toEqual(['summary', 'challenges', 'opportunities', 'gcm-relevance', 'agenda-2030', 'quotes'])
    expect(json.roundtables.map((roundtable) => roundtable.title)).toEqual(['A one', 'A two'])
    expect(json.article).toContain('<p>Skills are not recognised.</p>')
  })

  it('attributes quotes by the Chatham House rule: a pending quote reads Anonymous', async () => {
    for (const format of ['md', 'html', 'json']) {
      const { text } = await get(`${api}/events/${fixture.eventA}/sections/quotes?format=${format}`)
      expect(text, format).toContain('Borders connect.')
      expect(text, format).toContain('Anonymous (delegate)')
      expect(text, format).not.toMatch(/Pendlebury|Office of Quiet/)
    }
  })

  it("lets the event's chair in, also by ?token=; refuses others", async () => {
    expect((await get(`${api}/events/${fixture.eventA}/sections/summary?format=md`, fixture.chairA.token, 'query')).status).toBe(200)
    expect((await get(`${api}/events/${fixture.eventA}/sections/summary?format=md`, fixture.chairA.token)).status).toBe(200)
    expect((await get(`${api}/events/${fixture.eventA}/sections/summary?format=md`, null)).status).toBe(401)
    expect((await get(`${api}/events/${fixture.eventA}/sections/summary?format=md`, fixture.rapporteurA1.token)).status).toBe(403)
    const chairB = await createChairInvite(server, fixture.eventB)
    const refused = await get(`${api}/events/${fixture.eventA}/sections/challenges?format=md`, chairB.token)
    expect(refused.status).toBe(403)
    expect(refused.text).not.toContain('Visas')
  })

  it('answers 404 with a JSON error for an unknown section or event, and 400 for a bad format', async () => {
    const unknown = await get(`${api}/events/${fixture.eventA}/sections/no-such-section?format=md`)
    expect(unknown.status).toBe(404)
    expect(JSON.parse(unknown.text)).toEqual({ error: { code: 'not_found', message: 'No section with id "no-such-section" in this event\'s template' } })
    expect((await get(`${api}/events/nosucheventid/sections/summary?format=md`)).status).toBe(404)
    const bad = await get(`${api}/events/${fixture.eventA}/sections/summary?format=docx`)
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.text)).toMatchObject({ error: { code: 'invalid_request' } })
  })
})
