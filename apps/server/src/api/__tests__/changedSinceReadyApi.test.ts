import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { markReportReady, sectionFragment, writeRichNodes, type RichNode } from '@rapporteur/template'
import type { RunningServer } from '../../createServer.js'
import { docxText } from '../../exports/__tests__/docxText.js'
import { createInviteFixture, type InviteFixture } from '../../__tests__/inviteFixture.js'
import { createTempDir, getJson, openReport, TEST_ADMIN_TOKEN, startServer } from '../../__tests__/testServer.js'

const paragraph = (text: string): RichNode => ({ type: 'paragraph', content: [{ type: 'text', text }] })

async function exported(api: string, eventId: string, format: 'md' | 'html' | 'docx'): Promise<string> {
  const response = await fetch(`${api}/events/${eventId}/export?format=${format}`, { headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}` } })
  expect(response.status).toBe(200)
  const body = Buffer.from(await response.arrayBuffer())
  return format === 'docx' ? docxText(body) : body.toString('utf8')
}

/** Waits (polling) until `check` holds; fails with `what` when it never does. */
async function eventually(what: string, check: () => Promise<boolean>): Promise<void> {
  for (let attempt = 0; attempt < 250; attempt += 1) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`Never happened: ${what}`)
}

async function hasReadyVersion(api: string, roundtableId: string): Promise<boolean> {
  const { body } = await getJson(`${api}/roundtables/${roundtableId}/versions`)
  return (body as { versions: Array<{ kind: string }> }).versions.some((version) => version.kind === 'ready')
}

describe('compiled report: reports changed since they were marked ready', () => {
  const temp = createTempDir()
  let server: RunningServer
  let api: string
  let fixture: InviteFixture

  beforeAll(async () => {
    server = await startServer(temp.dir)
    api = `${server.url}/api`
    fixture = await createInviteFixture(server)
  })

  afterAll(async () => {
    await server.close()
    temp.remove()
  })

  it('lists a report edited after it was marked ready as changed, and not one left as it was', async () => {
    const one = await openReport(server, fixture.a1)
    const two = await openReport(server, fixture.a2)
    try {
      writeRichNodes(sectionFragment(one.doc, 'summary'), [paragraph('Agreed on visas.')])
      markReportReady(one.doc, 'Amina')
      writeRichNodes(sectionFragment(two.doc, 'summary'), [paragraph('Skills recognition.')])
      markReportReady(two.doc, 'Bilal')
      await eventually('both ready versions taken', async () => (await hasReadyVersion(api, fixture.a1)) && (await hasReadyVersion(api, fixture.a2)))

      const before = await exported(api, fixture.eventA, 'md')
      expect(before).toContain('Every report is marked ready.')
      expect(before).not.toContain('changed since ready')

      writeRichNodes(sectionFragment(one.doc, 'summary'), [paragraph('Agreed on visas and on portability of pensions.')])
      await eventually('the edit reaches the compiled report', async () => (await exported(api, fixture.eventA, 'md')).includes('portability of pensions'))

      const markdown = await exported(api, fixture.eventA, 'md')
      expect(markdown).toContain('1. A one _(changed since ready)_\n2. A two\n')
      expect(markdown).toContain('## Reports changed since marked ready\n\n- A one\n')
      expect(markdown).toMatch(/_Marked ready [^_]* by Amina\. Changed since it was marked ready/)
      expect(markdown).toMatch(/_Marked ready [^_]* by Bilal\._/)
      const html = await exported(api, fixture.eventA, 'html')
      expect(html).toContain('<ul class="changed-since-ready"><li>A one</li></ul>')
      const docx = (await exported(api, fixture.eventA, 'docx')).split('\n')
      expect(docx).toContain('1. A one (changed since ready)')
      expect(docx).toContain('2. A two')
      expect(docx).toContain('Reports changed since marked ready')
    } finally {
      one.close()
      two.close()
    }
  })
})
