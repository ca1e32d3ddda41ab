import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { roundtableReportTemplate, writeReportContent, type ReportContent, type RichNode } from '@rapporteur/template'
import type { RunningServer } from '../../createServer.js'
import { docxOutline } from '../../exports/__tests__/docxOutline.js'
import { docxText } from '../../exports/__tests__/docxText.js'
import { readZipEntry } from '../../exports/__tests__/readZipEntry.js'
import { createEvent, createRoundtable, createRoundtableInvite } from '../../__tests__/inviteFixture.js'
import { createTempDir, openReport, TEST_ADMIN_TOKEN, startServer } from '../../__tests__/testServer.js'

const PAYLOAD = '<img src=x onerror=alert(1)>'
const FORMATS = ['md', 'html', 'docx'] as const
type Format = (typeof FORMATS)[number]

const heading = (attrs: Record<string, unknown> | undefined): RichNode => ({
  type: 'heading',
  ...(attrs === undefined ? {} : { attrs }),
  content: [{ type: 'text', text: PAYLOAD }],
})

/** Every header field, every section and every quote field holds the payload; headings of levels 0, 7, 'x', none. */
const hostile: ReportContent = {
  meta: Object.fromEntries(roundtableReportTemplate.meta.map((field) => [field.id, PAYLOAD])),
  sections: Object.fromEntries(
    roundtableReportTemplate.sections
      .filter((section) => section.kind === 'rich-text')
      .map((section) => [
        section.id,
        [
          heading({ level: 0 }),
          heading({ level: 7 }),
          heading({ level: 'x' }),
          heading(undefined),
          { type: 'paragraph', content: [{ type: 'text', text: PAYLOAD }] },
        ],
      ]),
  ),
  quotes: [
    // Approved: speaker and affiliation are shown. Anonymous: the description is.
    { text: PAYLOAD, speaker: `${PAYLOAD} speaker`, affiliation: PAYLOAD, description: PAYLOAD, consent: 'approved' },
    { text: `${PAYLOAD} anonymous`, speaker: PAYLOAD, affiliation: PAYLOAD, description: `${PAYLOAD} description`, consent: 'anonymous' },
  ],
}

async function download(url: string): Promise<{ status: number; body: Buffer }> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } })
  return { status: response.status, body: Buffer.from(await response.arrayBuffer()) }
}

/** The level of every heading tag (`<hN>`, `</hN>`) of an HTML page, as written: whatever follows the `h`. */
function headingTagLevels(html: string): string[] {
  const notHeadings = new Set(['html', 'head', 'header', 'hr'])
  return [...html.matchAll(/<\/?(h[^\s>]*)/gi)]
    .map((match) => match[1] ?? '')
    .filter((name) => !notHeadings.has(name.toLowerCase()))
    .map((name) => name.slice(1))
}

/** Checks that the export shows the payload only as text. */
function expectInert(format: Format, body: Buffer, label: string): void {
  if (format === 'md') {
    const markdown = body.toString('utf8')
    // Every `<` backslash-escaped: a Markdown renderer shows it as text, never as a tag.
    expect(markdown, label).not.toMatch(/(?<!\\)</)
    expect(markdown, label).toContain('\\<img src=x onerror=alert(1)\\>')
    for (const line of markdown.split('\n').filter((each) => each.startsWith('#'))) expect(line, label).toMatch(/^#{1,6} \S/)
    return
  }
  if (format === 'html') {
    const html = body.toString('utf8')
    expect(html, label).not.toMatch(/<img/i)
    expect(html, label).toContain('&lt;img src=x onerror=alert(1)&gt;')
    for (const level of headingTagLevels(html)) expect(['1', '2', '3', '4', '5', '6'], `${label}: <h${level}>`).toContain(level)
    return
  }
  expect(body.subarray(0, 2).toString('latin1'), label).toBe('PK')
  for (const part of ['word/document.xml', 'docProps/core.xml']) {
    const xml = readZipEntry(body, part)
    expect(xml, `${label} ${part}`).not.toMatch(/<img/i)
    expect(xml, `${label} ${part}`).toContain('&lt;img')
  }
  // The payload is there as plain text runs.
  expect(docxText(body), label).toContain(PAYLOAD)
}

describe('exports of a report whose every field holds markup', () => {
  const temp = createTempDir()
  let server: RunningServer
  let api: string
  let eventId: string
  let roundtableId: string

  beforeAll(async () => {
    server = await startServer(temp.dir)
    api = `${server.url}/api`
    eventId = await createEvent(server, PAYLOAD)
    roundtableId = await createRoundtable(server, eventId, PAYLOAD)
    const rapporteur = await createRoundtableInvite(server, roundtableId, { role: 'rapporteur', label: 'Amina' })
    // The rapporteur's own y-websocket client writes the report, as the web app would.
    const report = await openReport(server, roundtableId, rapporteur.token)
    writeReportContent(report.doc, roundtableReportTemplate, hostile)
    // The server has the edits once its export shows the last of them.
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const markdown = (await download(`${api}/roundtables/${roundtableId}/export?format=md`)).body.toString('utf8')
      if (markdown.includes('anonymous”') && markdown.includes(' description)') && markdown.includes(' speaker,')) break
      await new Promise((resolve) => setTimeout(resolve, 25))
    }
    report.close()
  })

  afterAll(async () => {
    await server.close()
    temp.remove()
  })

  it('shows every field only as text in the Markdown, HTML and DOCX of the report', async () => {
    for (const format of FORMATS) {
      const response = await download(`${api}/roundtables/${roundtableId}/export?format=${format}`)
      expect(response.status, format).toBe(200)
      expectInert(format, response.body, format)
    }
    const markdown = (await download(`${api}/roundtables/${roundtableId}/export?format=md`)).body.toString('utf8')
    const escaped = '\\<img src=x onerror=alert(1)\\>'
    expect(markdown).toContain(`# ${escaped}\n`)
    expect(markdown).toContain(`**Session date and time:** ${escaped}  \n**Rapporteurs:** ${escaped}\n`)
    expect(markdown).toContain(`> “${escaped}”\n>\n> — ${escaped} speaker, ${escaped}\n`)
    expect(markdown).toContain(`> “${escaped} anonymous”\n>\n> — Anonymous (${escaped} description)\n`)
    const docx = docxText((await download(`${api}/roundtables/${roundtableId}/export?format=docx`)).body)
    expect(docx).toContain(`Session date and time: ${PAYLOAD}`)
    expect(docx).toContain(`Rapporteurs: ${PAYLOAD}`)
    expect(docx).toContain(`— ${PAYLOAD} speaker, ${PAYLOAD}`)
    expect(docx).toContain(`— Anonymous (${PAYLOAD} description)`)
  })

  it('writes headings of levels 0, 7, "x" and none as headings of levels 1 to 6', async () => {
    const html = (await download(`${api}/roundtables/${roundtableId}/export?format=html`)).body.toString('utf8')
    const summary = html.slice(html.indexOf('data-section="summary"'), html.indexOf('data-section="challenges"'))
    expect([...summary.matchAll(/<h(\d)>/g)].map((match) => match[1])).toEqual(['2', '3', '6', '3', '3'])
    // The summary's four headings, as the DOCX's outline marks them (one `#` per Heading level).
    const outline = await docxOutline((await download(`${api}/roundtables/${roundtableId}/export?format=docx`)).body)
    const summaryLines = outline.slice(outline.indexOf('## 1. '), outline.indexOf('## 2. ')).split('\n')
    expect(summaryLines.filter((line) => line.startsWith('#'))).toEqual([
      '## 1. Summary / main discussion points',
      `### ${PAYLOAD}`,
      `###### ${PAYLOAD}`,
      `### ${PAYLOAD}`,
      `### ${PAYLOAD}`,
    ])
  })

  it('shows every field only as text in the compiled report of the event', async () => {
    for (const format of FORMATS) {
      const response = await download(`${api}/events/${eventId}/export?format=${format}`)
      expect(response.status, format).toBe(200)
      expectInert(format, response.body, `compiled ${format}`)
    }
  })
})
