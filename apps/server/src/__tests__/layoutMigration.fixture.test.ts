import { copyFileSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  readReportContent,
  readReportReady,
  roundtableReportTemplate,
  type Quote,
  type ReportContent,
  type ReportReadiness,
} from '@rapporteur/template'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { RunningServer } from '../createServer.js'
import { DATABASE_FILE } from '../storage/openStorage.js'
import { connectReport } from './connectReport.js'
import { storedReport } from './storedReport.js'
import { createTempDir, getJson, postJson, RecordingLogger, startServer } from './testServer.js'

// The reports of `fixtures/v1-release/` were written in document layout v1 by the release at 18473d7
// (`fixtures/buildV1Fixture.mjs`); `expected.json` is what that release read out of them. The current server
// upgrades them to layout v2 when it loads them: every word must survive, and the upgrade must run once.

interface ExpectedVersion {
  id: string
  name: string
  kind: string
  content: ReportContent
}

interface ExpectedRoundtable {
  id: string
  title: string
  templateId: string
  live: { content: ReportContent; ready: ReportReadiness | null }
  versions: ExpectedVersion[]
}

interface ExpectedFixture {
  adminToken: string
  roundtables: ExpectedRoundtable[]
}

const fixtureDir = fileURLToPath(new URL('./fixtures/v1-release/', import.meta.url))
const expected = JSON.parse(readFileSync(path.join(fixtureDir, 'expected.json'), 'utf8')) as ExpectedFixture
const token = expected.adminToken
const QUOTE_TEXT_FIELDS = ['text', 'speaker', 'affiliation', 'description'] as const

/** The content without quote ids (layout v2 quotes may carry one; the release's never did). */
function withoutQuoteIds(content: ReportContent): ReportContent {
  const quotes = content.quotes.map((quote) => {
    const { id: _id, ...rest } = quote as Quote & { id?: unknown }
    return rest
  })
  return { ...content, quotes }
}

/**
 * The content as a restore leaves it: a restore writes every header field of the template, those the version did
 * not have as '' (as the release's did).
 */
function withBlankFields(content: ReportContent): ReportContent {
  const meta = Object.fromEntries(roundtableReportTemplate.meta.map((field) => [field.id, content.meta[field.id] ?? '']))
  return { ...content, meta }
}

function kindOf(value: unknown): string {
  if (value instanceof Y.AbstractType) return value.constructor.name
  return value === undefined ? 'missing' : typeof value
}

/** What in `doc` is not layout v2: header fields that are not a `Y.Text`, quotes without an id or `Y.Text` fields. */
function layoutV2Problems(doc: Y.Doc, label: string): string[] {
  const problems: string[] = []
  const meta = doc.getMap<unknown>('meta')
  for (const field of roundtableReportTemplate.meta) {
    const value = meta.get(field.id)
    if (meta.has(field.id) && !(value instanceof Y.Text)) problems.push(`${label}: meta.${field.id} is ${kindOf(value)}`)
  }
  const ids = new Set<string>()
  for (const [index, quote] of doc.getArray<unknown>('quotes').toArray().entries()) {
    const at = `${label}: quote ${index}`
    if (!(quote instanceof Y.Map)) {
      problems.push(`${at} is ${kindOf(quote)}`)
      continue
    }
    const id: unknown = quote.get('id')
    if (typeof id !== 'string' || id === '') problems.push(`${at} has id ${kindOf(id)}`)
    else if (ids.has(id)) problems.push(`${at} repeats id ${id}`)
    else ids.add(id)
    if (!quote.has('text')) problems.push(`${at} has no text`)
    for (const key of QUOTE_TEXT_FIELDS) {
      if (quote.has(key) && !(quote.get(key) instanceof Y.Text)) problems.push(`${at} ${key} is ${kindOf(quote.get(key))}`)
    }
    if (typeof quote.get('consent') !== 'string') problems.push(`${at} consent is ${kindOf(quote.get('consent'))}`)
  }
  return problems
}

/** Opens a report with the stock y-websocket client as the organizer; resolves once synced. */
async function openReport(server: RunningServer, roundtableId: string): Promise<{ doc: Y.Doc; close: () => void }> {
  const client = connectReport(server.url, roundtableId, token)
  await client.synced()
  return { doc: client.doc, close: () => client.destroy() }
}

/** Polls `read` until it equals `wanted` (or `timeoutMs` passed), then asserts, so a failure shows the difference. */
async function expectEventually<T>(read: () => T, wanted: T, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (JSON.stringify(read()) !== JSON.stringify(wanted) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  expect(read(), what).toEqual(wanted)
}

/** The stored report's state: its state vector and deletions, which change with any new change. */
function storedState(dataDir: string, roundtableId: string): { stateVector: number[]; snapshot: Uint8Array } {
  const doc = storedReport(dataDir, roundtableId)
  try {
    return { stateVector: [...Y.encodeStateVector(doc)], snapshot: Y.encodeSnapshot(Y.snapshot(doc)) }
  } finally {
    doc.destroy()
  }
}

describe('layout v1 → v2: the reports of the release at 18473d7 (fixtures/v1-release)', () => {
  const temp = createTempDir('rapporteur-layout-fixture-')
  const logger = new RecordingLogger()
  let running: RunningServer | undefined

  const start = async (): Promise<RunningServer> => {
    running = await startServer(temp.dir, logger, { env: { ADMIN_TOKEN: token } })
    return running
  }
  const stop = async (): Promise<void> => {
    const server = running
    running = undefined
    await server?.close()
  }

  beforeAll(() => {
    copyFileSync(path.join(fixtureDir, DATABASE_FILE), path.join(temp.dir, DATABASE_FILE))
  })

  afterAll(async () => {
    await stop()
    temp.remove()
  })

  it('the fixture holds layout v1 reports with quotes and versions', () => {
    expect(expected.roundtables.length).toBeGreaterThanOrEqual(4)
    expect(expected.roundtables.flatMap((roundtable) => roundtable.versions).length).toBeGreaterThanOrEqual(9)
    for (const { id } of expected.roundtables) {
      const doc = storedReport(temp.dir, id)
      expect(typeof doc.getMap('meta').get('title'), `${id}: meta.title is stored as a string (layout v1)`).toBe('string')
      doc.destroy()
    }
  })

  it('reads every report as the release did: live content, readiness, and every version', async () => {
    const server = await start()
    try {
      for (const roundtable of expected.roundtables) {
        expect(roundtable.templateId).toBe(roundtableReportTemplate.id)
        const report = await openReport(server, roundtable.id)
        try {
          const label = `${roundtable.title} (${roundtable.id})`
          expect(withoutQuoteIds(readReportContent(report.doc, roundtableReportTemplate)), `${label}: live content`).toEqual(
            roundtable.live.content,
          )
          expect(readReportReady(report.doc), `${label}: readiness`).toEqual(roundtable.live.ready)
        } finally {
          report.close()
        }

        const listed = await getJson(`${server.url}/api/roundtables/${roundtable.id}/versions`, token)
        expect(listed.status).toBe(200)
        const listedIds = (listed.body as { versions: Array<{ id: string }> }).versions.map((version) => version.id)
        expect(listedIds).toEqual(expect.arrayContaining(roundtable.versions.map((version) => version.id)))
        for (const version of roundtable.versions) {
          const read = await getJson(`${server.url}/api/roundtables/${roundtable.id}/versions/${version.id}`, token)
          expect(read.status).toBe(200)
          const body = read.body as { name: string; kind: string; content: ReportContent }
          expect({ name: body.name, kind: body.kind }).toEqual({ name: version.name, kind: version.kind })
          expect(withoutQuoteIds(body.content), `${roundtable.title}: version "${version.name}"`).toEqual(version.content)
        }
      }
    } finally {
      await stop()
    }
    expect(logger.entries.filter((entry) => entry.level === 'error')).toEqual([])
  }, 30_000)

  it('stores every report in layout v2 after that first start', () => {
    const problems = expected.roundtables.flatMap(({ id, title }) => {
      const doc = storedReport(temp.dir, id)
      try {
        return layoutV2Problems(doc, title)
      } finally {
        doc.destroy()
      }
    })
    expect(problems).toEqual([])
  })

  it('does not upgrade again on the next start: the stored reports are unchanged, the content the same', async () => {
    const before = new Map(expected.roundtables.map(({ id }) => [id, storedState(temp.dir, id)]))
    const server = await start()
    try {
      for (const roundtable of expected.roundtables) {
        const report = await openReport(server, roundtable.id)
        try {
          expect(layoutV2Problems(report.doc, roundtable.title)).toEqual([])
          expect(withoutQuoteIds(readReportContent(report.doc, roundtableReportTemplate))).toEqual(roundtable.live.content)
          expect(readReportReady(report.doc)).toEqual(roundtable.live.ready)
        } finally {
          report.close()
        }
      }
    } finally {
      await stop()
    }
    for (const { id, title } of expected.roundtables) {
      expect(storedState(temp.dir, id), `${title}: stored state after the second start`).toEqual(before.get(id))
    }
  }, 30_000)

  it('restoring a layout v1 version gives layout v2 content equal to that version', async () => {
    const server = await start()
    try {
      for (const roundtable of expected.roundtables) {
        const oldest = roundtable.versions.at(-1)
        if (oldest === undefined) continue
        const report = await openReport(server, roundtable.id)
        try {
          const restored = await postJson(
            `${server.url}/api/roundtables/${roundtable.id}/versions/${oldest.id}/restore`,
            { author: 'Fixture test' },
            token,
          )
          expect(restored.status).toBe(200)
          const label = `${roundtable.title}: restored "${oldest.name}"`
          await expectEventually(
            () => withBlankFields(withoutQuoteIds(readReportContent(report.doc, roundtableReportTemplate))),
            withBlankFields(oldest.content),
            label,
          )
          expect(layoutV2Problems(report.doc, label)).toEqual([])
          expect(readReportReady(report.doc), `${label}: readiness is left as it was`).toEqual(roundtable.live.ready)
        } finally {
          report.close()
        }
      }
    } finally {
      await stop()
    }
  }, 30_000)
})
