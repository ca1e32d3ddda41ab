import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { Database } from 'better-sqlite3'
import { readMetaField, readQuotes, readRichNodes, sectionFragment, southSouthMobilityReport } from '@rapporteur/template'
import { RecordingLogger, createTempDir } from '../../__tests__/testServer.js'
import { SqliteCatalog } from '../../storage/SqliteCatalog.js'
import { SqliteDocumentStore } from '../../storage/SqliteDocumentStore.js'
import { openDatabase } from '../../storage/openDatabase.js'
import { DEMO_SEEDED_SETTING, seedDemo } from '../seedDemo.js'

describe('seedDemo', () => {
  let temp: ReturnType<typeof createTempDir>
  let db: Database
  let catalog: SqliteCatalog
  let store: SqliteDocumentStore

  const seed = () =>
    seedDemo({
      catalog,
      logger: new RecordingLogger(),
      writeReportUpdate: async (name, update) => void (await store.append(name, update)),
      now: () => new Date('2030-01-01T00:00:00.000Z'),
    })

  async function loadReport(name: string): Promise<Y.Doc> {
    const doc = new Y.Doc()
    for (const record of await store.load(name)) Y.applyUpdate(doc, record.update)
    return doc
  }

  beforeEach(() => {
    temp = createTempDir('rapporteur-demo-')
    db = openDatabase(path.join(temp.dir, 'rapporteur.db'))
    catalog = new SqliteCatalog(db)
    store = new SqliteDocumentStore(db)
  })

  afterEach(async () => {
    await store.close()
    if (db.open) db.close()
    temp.remove()
  })

  it('creates the demo event and its filled-in report in an empty database', async () => {
    const roundtable = await seed()
    expect(roundtable).toMatchObject({ title: 'South-South mobility and migration', templateId: 'roundtable-report' })
    expect(catalog.listEvents()).toEqual([
      expect.objectContaining({ id: roundtable?.eventId, title: 'Demo conference', closingAt: '2030-01-06T00:00:00.000Z' }),
    ])
    expect(catalog.getSetting(DEMO_SEEDED_SETTING)).toBe('2030-01-01T00:00:00.000Z')

    const doc = await loadReport(roundtable?.id ?? '')
    expect(readMetaField(doc, 'title')).toBe('South-South mobility and migration')
    expect(readRichNodes(sectionFragment(doc, 'summary'))).toEqual(southSouthMobilityReport.sections.summary)
    expect(readRichNodes(sectionFragment(doc, 'challenges'))).toEqual(southSouthMobilityReport.sections.challenges)
    expect(readQuotes(doc)).toEqual(southSouthMobilityReport.quotes)
  })

  it('does nothing on later starts, even once the demo is gone', async () => {
    await seed()
    expect(await seed()).toBeUndefined()
    expect(catalog.listEvents()).toHaveLength(1)

    db.exec('DELETE FROM roundtables; DELETE FROM events;')
    expect(await seed()).toBeUndefined()
    expect(catalog.listEvents()).toEqual([])
  })

  it('leaves a database that already holds events without a demo', async () => {
    catalog.createEvent({ title: 'Existing', closingAt: '2030-02-01T00:00:00.000Z' })
    expect(await seed()).toBeUndefined()
    expect(catalog.listEvents().map((event) => event.title)).toEqual(['Existing'])
  })
})
