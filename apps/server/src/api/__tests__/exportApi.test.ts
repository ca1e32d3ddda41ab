import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addQuote, markReportReady, roundtableReportTemplate, writeRichNodes, sectionFragment } from '@rapporteur/template'
import type { RunningServer } from '../../createServer.js'
import { DEMO_EVENT_TITLE } from '../../demo/seedDemo.js'
import { docxText } from '../../exports/__tests__/docxText.js'
import { readZipEntry } from '../../exports/__tests__/readZipEntry.js'
import { createChairInvite, createInviteFixture, type InviteFixture } from '../../__tests__/inviteFixture.js'
import { createTempDir, getJson, openReport, TEST_ADMIN_TOKEN, startServer } from '../../__tests__/testServer.js'

interface Download {
  status: number
  headers: Headers
  body: Buffer
}

const FORMATS = ['md', 'html', 'docx'] as const
type Format = (typeof FORMATS)[number]

const PENDING_SPEAKER = 'Zanele Okonkwo-Marsh'
const PENDING_AFFILIATION = 'Ministry of Hidden Affairs'
const PENDING_TEXT = 'Borders should connect us.'

/** GET with the token as a Bearer header (default), as `?token=`, or none. */
async function download(url: string, token: string | null = TEST_ADMIN_TOKEN, via: 'header' | 'query' = 'header'): Promise<Download> {
  const target = new URL(url)
  const headers: Record<string, string> = {}
  if (token !== null && via === 'header') headers.authorization = `Bearer ${token}`
  if (token !== null && via === 'query') target.searchParams.set('token', token)
  const response = await fetch(target, { headers })
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) }
}

/** The export's text: the file itself, or for DOCX the text of its document.xml. */
function textOf(format: Format, body: Buffer): string {
  return format === 'docx' ? docxText(body) : body.toString('utf8')
}

describe('exports API', () => {
  const temp = createTempDir()
  let server: RunningServer
  let api: string
  let fixture: InviteFixture
  let demoEvent: string
  let demoRoundtable: string

  beforeAll(async () => {
    server = await startServer(temp.dir)
    api = `${server.url}/api`
    fixture = await createInviteFixture(server)
    const events = (await getJson(`${api}/events`)).body as { events: Array<{ id: string; title: string }> }
    demoEvent = events.events.find((event) => event.title === DEMO_EVENT_TITLE)?.id ?? ''
    const demo = (await getJson(`${api}/events/${demoEvent}`)).body as { roundtables: Array<{ id: string }> }
    demoRoundtable = demo.roundtables[0]?.id ?? ''
    // Roundtable a1 gets a section, a pending quote, and is marked ready; a2 stays empty and not ready.
    const report = await openReport(server, fixture.a1)
    writeRichNodes(sectionFragment(report.doc, 'challenges'), [
      { type: 'paragraph', content: [{ type: 'text', text: 'Visas take months.' }] },
    ])
    addQuote(report.doc, { text: PENDING_TEXT, speaker: PENDING_SPEAKER, affiliation: PENDING_AFFILIATION, description: 'West African delegate', consent: 'pending' })
    markReportReady(report.doc, 'Amina')
    // The server has the edits once its export shows them.
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const markdown = (await download(`${api}/roundtables/${fixture.a1}/export?format=md`)).body.toString('utf8')
      if (markdown.includes(PENDING_TEXT) && markdown.includes('Visas take months.')) break
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    report.close()
  })

  afterAll(async () => {
    await server.close()
    temp.remove()
  })

  it('exports the demo report in each format with its sections in order, a link and the anonymous quote', async () => {
    const expectedTypes: Record<Format, string> = {
      md: 'text/markdown; charset=utf-8',
      html: 'text/html; charset=utf-8',
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    }
    for (const format of FORMATS) {
      const response = await download(`${api}/roundtables/${demoRoundtable}/export?format=${format}`)
      expect(response.status, format).toBe(200)
      expect(response.headers.get('content-type'), format).toBe(expectedTypes[format])
      const disposition = format === 'html' ? 'inline' : 'attachment'
      expect(response.headers.get('content-disposition'), format).toBe(
        `${disposition}; filename="south-south-mobility-and-migration.${format}"`,
      )
      if (format === 'docx') expect(response.body.subarray(0, 2).toString('latin1')).toBe('PK')
      const text = textOf(format, response.body)
      const positions = roundtableReportTemplate.sections.map((section) => text.indexOf(section.title))
      expect(positions.every((position) => position >= 0), format).toBe(true)
      expect([...positions].sort((a, b) => a - b), format).toEqual(positions)
      expect(text, format).toContain('Anonymous (South-Asian country)')
      if (format === 'md') expect(text).toMatch(/\]\(https:\/\/www\.ilo\.org\//)
      if (format === 'html') expect(text).toContain('<a href="https://www.ilo.org/')
      if (format === 'docx') expect(readZipEntry(response.body, 'word/_rels/document.xml.rels')).toContain('Target="https://www.ilo.org/')
    }
  })

  it('exports the compiled report of an event in each format: contents, every report in order, reports not ready', async () => {
    for (const format of FORMATS) {
      const response = await download(`${api}/events/${fixture.eventA}/export?format=${format}`)
      expect(response.status, format).toBe(200)
      expect(response.headers.get('content-disposition'), format).toContain(`filename="event-a-closing-report.${format}"`)
      const text = textOf(format, response.body)
      expect(text, format).toContain('Event A — closing report')
      expect(text, format).toContain('Contents')
      expect(text, format).toContain('Reports not marked ready')
      expect(text.indexOf('1. A one'), format).toBeGreaterThan(0)
      expect(text.lastIndexOf('2. A two'), format).toBeGreaterThan(text.lastIndexOf('1. A one'))
      expect(text, format).toContain('Visas take months.')
      expect(text, format).toContain('Marked ready')
      expect(text, format).toContain('Not marked ready.')
    }
  })

  it('never names a pending quote in any format, single or compiled', async () => {
    for (const format of FORMATS) {
      for (const url of [`${api}/roundtables/${fixture.a1}/export?format=${format}`, `${api}/events/${fixture.eventA}/export?format=${format}`]) {
        const text = textOf(format, (await download(url)).body)
        expect(text, url).toContain(PENDING_TEXT)
        expect(text, url).toContain('Anonymous (West African delegate)')
        expect(text, url).not.toContain('Zanele')
        expect(text, url).not.toContain('Okonkwo')
        expect(text, url).not.toContain('Hidden Affairs')
      }
    }
  })

  it('lets the event chair, and the roundtable rapporteur and viewer, export; the token may come as ?token=', async () => {
    for (const invite of [fixture.chairA, fixture.rapporteurA1, fixture.viewerA1]) {
      for (const via of ['header', 'query'] as const) {
        const response = await download(`${api}/roundtables/${fixture.a1}/export?format=md`, invite.token, via)
        expect(response.status, `${invite.role} ${via}`).toBe(200)
      }
    }
    expect((await download(`${api}/events/${fixture.eventA}/export?format=html`, fixture.chairA.token, 'query')).status).toBe(200)
  })

  it('refuses without a token (401) and out of scope (403)', async () => {
    expect((await download(`${api}/roundtables/${fixture.a1}/export?format=md`, null)).status).toBe(401)
    expect((await download(`${api}/events/${fixture.eventA}/export?format=md`, null)).status).toBe(401)
    expect((await download(`${api}/roundtables/${fixture.a1}/export?format=md`, 'rpo_wrong-token-of-the-right-shape-000000', 'query')).status).toBe(401)
    // Another event's chair: neither the roundtable nor the event.
    const chairB = await createChairInvite(server, fixture.eventB)
    expect((await download(`${api}/roundtables/${fixture.a1}/export?format=md`, chairB.token)).status).toBe(403)
    expect((await download(`${api}/events/${fixture.eventA}/export?format=md`, chairB.token)).status).toBe(403)
    // Another roundtable's rapporteur, and a rapporteur asking for the compiled report.
    expect((await download(`${api}/roundtables/${fixture.a1}/export?format=docx`, fixture.rapporteurB1.token)).status).toBe(403)
    expect((await download(`${api}/roundtables/${fixture.a2}/export?format=md`, fixture.rapporteurA1.token)).status).toBe(403)
    expect((await download(`${api}/events/${fixture.eventA}/export?format=md`, fixture.rapporteurA1.token)).status).toBe(403)
    expect((await download(`${api}/events/${fixture.eventA}/export?format=md`, fixture.viewerA1.token)).status).toBe(403)
    const refused = await download(`${api}/roundtables/${fixture.a1}/export?format=md`, fixture.rapporteurB1.token)
    expect(refused.body.toString('utf8')).not.toContain('Visas take months.')
  })

  it('answers 400 naming format for a missing or unknown format, and 404 for an unknown id', async () => {
    for (const query of ['', '?format=pdf', '?format=MD']) {
      for (const url of [`${api}/roundtables/${fixture.a1}/export${query}`, `${api}/events/${fixture.eventA}/export${query}`]) {
        const response = await download(url)
        expect(response.status, url).toBe(400)
        const body = JSON.parse(response.body.toString('utf8')) as { error: { code: string; message: string } }
        expect(body.error.code).toBe('invalid_request')
        expect(body.error.message).toMatch(/^format /)
      }
    }
    expect((await download(`${api}/roundtables/nosuchroundtab/export?format=md`)).status).toBe(404)
    expect((await download(`${api}/events/nosucheventid/export?format=md`)).status).toBe(404)
  })
})
