import { markReportReady, readRichNodes, sectionFragment, writeRichNodes, type RichNode } from '@rapporteur/template'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { connectReport, type ReportClient } from '../../__tests__/connectReport.js'
import { createInviteFixture, type InviteFixture } from '../../__tests__/inviteFixture.js'
import { storedReport } from '../../__tests__/storedReport.js'
import { TEST_ADMIN_TOKEN, createTempDir, getJson, postJson, startServer } from '../../__tests__/testServer.js'
import { waitUntil } from '../../collab/__tests__/waitUntil.js'
import type { RunningServer } from '../../createServer.js'
import type { VersionSummary } from '../VersionRecord.js'

const QUIET_MS = 300

function paragraphs(...texts: string[]): RichNode[] {
  return texts.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] }))
}

function summaryText(nodes: readonly RichNode[]): string {
  return nodes.map((node) => (node.content ?? []).map((child) => child.text ?? '').join('')).join('\n')
}

describe('report versions', () => {
  let temp: ReturnType<typeof createTempDir>
  let server: RunningServer
  let fixture: InviteFixture
  const clients: ReportClient[] = []
  const connect = async (roundtableId: string, token: string): Promise<ReportClient> => {
    const client = connectReport(server.url, roundtableId, token)
    clients.push(client)
    await client.synced()
    return client
  }
  const versionsUrl = (roundtableId: string): string => `${server.url}/api/roundtables/${roundtableId}/versions`
  const listVersions = async (roundtableId: string, token?: string): Promise<VersionSummary[]> => {
    const { status, body } = await getJson(versionsUrl(roundtableId), token)
    expect(status).toBe(200)
    return (body as { versions: VersionSummary[] }).versions
  }

  beforeEach(async () => {
    temp = createTempDir()
    server = await startServer(temp.dir, undefined, { overrides: { versionQuietMs: QUIET_MS } })
    fixture = await createInviteFixture(server)
  })

  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
    temp.remove()
  })

  it('saves a version, lists and shows it, and restores it as a change connected clients and the store receive', async () => {
    const rapporteur = await connect(fixture.a1, fixture.rapporteurA1.token)
    const other = await connect(fixture.a1, fixture.rapporteurA1.token)
    writeRichNodes(sectionFragment(rapporteur.doc, 'summary'), paragraphs('First draft of the summary'))
    await waitUntil(() => summaryText(readRichNodes(sectionFragment(other.doc, 'summary'))) === 'First draft of the summary', 'the other client has the draft')

    const created = await postJson(versionsUrl(fixture.a1), { name: 'Morning draft', author: 'Amina' }, fixture.rapporteurA1.token)
    expect(created.status).toBe(201)
    const version = created.body as VersionSummary
    expect(version).toMatchObject({ name: 'Morning draft', kind: 'manual', createdBy: 'Amina' })

    expect((await listVersions(fixture.a1)).map((each) => each.id)).toContain(version.id)

    const viewed = await getJson(`${versionsUrl(fixture.a1)}/${version.id}`, fixture.rapporteurA1.token)
    expect(viewed.status).toBe(200)
    const body = viewed.body as VersionSummary & { content: { meta: Record<string, string>; sections: Record<string, RichNode[]> } }
    expect(body.id).toBe(version.id)
    expect(body.content.sections.summary).toEqual(paragraphs('First draft of the summary'))
    expect(body.content.meta.title).toBe('A one')
    expect(body).not.toHaveProperty('state')

    // Later edits, then the restore.
    writeRichNodes(sectionFragment(rapporteur.doc, 'summary'), paragraphs('Rewritten summary', 'with a second paragraph'))
    markReportReady(rapporteur.doc, 'Amina')
    await waitUntil(() => summaryText(readRichNodes(sectionFragment(other.doc, 'summary'))).startsWith('Rewritten'), 'the rewrite reached the other client')
    const readyBefore = rapporteur.doc.getMap('meta').get('ready')

    const restored = await postJson(`${versionsUrl(fixture.a1)}/${version.id}/restore`, { author: 'Amina' }, fixture.rapporteurA1.token)
    expect(restored.status).toBe(200)
    for (const client of [rapporteur, other]) {
      await waitUntil(
        () => summaryText(readRichNodes(sectionFragment(client.doc, 'summary'))) === 'First draft of the summary',
        'the restore reached a connected client',
      )
    }
    // Readiness is not content: a restore leaves it as it was.
    expect(other.doc.getMap('meta').get('ready')).toBe(readyBefore)

    const stored = storedReport(temp.dir, fixture.a1)
    expect(readRichNodes(sectionFragment(stored, 'summary'))).toEqual(paragraphs('First draft of the summary'))
    stored.destroy()

    // The state before the restore was kept as a `restore` version holding the rewrite.
    const saved = (restored.body as { savedBefore: VersionSummary }).savedBefore
    expect(saved.kind).toBe('restore')
    const list = await listVersions(fixture.a1)
    expect(list.find((each) => each.id === saved.id)?.kind).toBe('restore')
    const before = await getJson(`${versionsUrl(fixture.a1)}/${saved.id}`)
    const beforeContent = (before.body as { content: { sections: Record<string, RichNode[]> } }).content
    expect(beforeContent.sections.summary).toEqual(paragraphs('Rewritten summary', 'with a second paragraph'))
  })

  it('takes and restores a version of a report nobody has open', async () => {
    const created = await postJson(versionsUrl(fixture.a2), { name: 'Empty report' })
    expect(created.status).toBe(201)
    const client = await connect(fixture.a2, TEST_ADMIN_TOKEN)
    writeRichNodes(sectionFragment(client.doc, 'challenges'), paragraphs('Visas'))
    const storedChallenges = (): number => {
      const stored = storedReport(temp.dir, fixture.a2)
      const count = readRichNodes(sectionFragment(stored, 'challenges')).length
      stored.destroy()
      return count
    }
    await waitUntil(() => storedChallenges() === 1, 'the edit was stored')
    client.destroy()
    const restored = await postJson(`${versionsUrl(fixture.a2)}/${(created.body as VersionSummary).id}/restore`, {})
    expect(restored.status).toBe(200)
    const reopened = await connect(fixture.a2, TEST_ADMIN_TOKEN)
    expect(readRichNodes(sectionFragment(reopened.doc, 'challenges'))).toEqual([])
  })

  it('lets a viewer and the chair list and view versions, but not save or restore them', async () => {
    const created = await postJson(versionsUrl(fixture.a1), { name: 'By the organizer' })
    expect(created.status).toBe(201)
    const id = (created.body as VersionSummary).id
    for (const token of [fixture.viewerA1.token, fixture.chairA.token]) {
      expect((await listVersions(fixture.a1, token)).map((each) => each.id)).toEqual([id])
      expect((await getJson(`${versionsUrl(fixture.a1)}/${id}`, token)).status).toBe(200)
      expect((await postJson(versionsUrl(fixture.a1), { name: 'Not allowed' }, token)).status).toBe(403)
      expect((await postJson(`${versionsUrl(fixture.a1)}/${id}/restore`, {}, token)).status).toBe(403)
    }
    // Another roundtable's rapporteur can do nothing here.
    expect((await getJson(versionsUrl(fixture.a1), fixture.rapporteurB1.token)).status).toBe(403)
    expect((await getJson(`${versionsUrl(fixture.a1)}/nosuchversion`)).status).toBe(404)
    expect((await postJson(versionsUrl(fixture.a1), { name: '' })).status).toBe(400)
    expect(await listVersions(fixture.a1)).toHaveLength(1)
  })

  it('takes an automatic version once editing has been quiet', async () => {
    const rapporteur = await connect(fixture.a1, fixture.rapporteurA1.token)
    writeRichNodes(sectionFragment(rapporteur.doc, 'opportunities'), paragraphs('Skills partnerships'))
    let auto: VersionSummary | undefined
    const deadline = Date.now() + 10_000
    while (auto === undefined && Date.now() < deadline) {
      auto = (await listVersions(fixture.a1)).find((each) => each.kind === 'auto')
      if (auto === undefined) await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(auto).toBeDefined()
    const viewed = await getJson(`${versionsUrl(fixture.a1)}/${auto?.id ?? ''}`)
    const content = (viewed.body as { content: { sections: Record<string, RichNode[]> } }).content
    expect(content.sections.opportunities).toEqual(paragraphs('Skills partnerships'))
    // Quiet again with nothing new: no second automatic version.
    await new Promise((resolve) => setTimeout(resolve, QUIET_MS * 3))
    expect((await listVersions(fixture.a1)).filter((each) => each.kind === 'auto')).toHaveLength(1)
  })

  it('takes a "ready" version when a rapporteur marks the report ready', async () => {
    const rapporteur = await connect(fixture.a1, fixture.rapporteurA1.token)
    markReportReady(rapporteur.doc, 'Amina')
    let ready: VersionSummary | undefined
    const deadline = Date.now() + 10_000
    while (ready === undefined && Date.now() < deadline) {
      ready = (await listVersions(fixture.a1)).find((each) => each.kind === 'ready')
      if (ready === undefined) await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(ready).toMatchObject({ name: 'Ready for the closing session', createdBy: 'Amina' })
  })
})
