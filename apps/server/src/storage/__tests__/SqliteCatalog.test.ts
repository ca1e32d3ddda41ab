import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SqliteCatalog } from '../SqliteCatalog.js'

describe('SqliteCatalog', () => {
  let dir: string
  let file: string

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'rapporteur-catalog-'))
    file = path.join(dir, 'rapporteur.db')
  })

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true })
  })

  it('creates, finds and lists events and roundtables in creation order', () => {
    const db = new Database(file)
    const catalog = new SqliteCatalog(db, { now: () => new Date('2030-01-01T00:00:00.000Z') })
    const first = catalog.createEvent({ title: 'First', closingAt: '2030-02-01T00:00:00.000Z' })
    const second = catalog.createEvent({ title: 'Second', closingAt: '2030-01-15T00:00:00.000Z' })
    expect(first).toEqual({ id: first.id, title: 'First', closingAt: '2030-02-01T00:00:00.000Z', createdAt: '2030-01-01T00:00:00.000Z' })
    expect(first.id).toMatch(/^[a-z0-9]{12}$/)
    expect(catalog.listEvents().map((event) => event.title)).toEqual(['First', 'Second'])
    expect(catalog.getEvent(second.id)).toEqual(second)
    expect(catalog.getEvent('missing')).toBeUndefined()

    const a = catalog.createRoundtable({ eventId: first.id, title: 'A', templateId: 'roundtable-report' })
    const b = catalog.createRoundtable({ eventId: first.id, title: 'B', templateId: 'roundtable-report', id: 'chosenid0001' })
    catalog.createRoundtable({ eventId: second.id, title: 'C', templateId: 'roundtable-report' })
    expect(b.id).toBe('chosenid0001')
    expect(catalog.listRoundtables(first.id)).toEqual([a, b])
    expect(catalog.getRoundtable(a.id)).toEqual({ id: a.id, eventId: first.id, title: 'A', templateId: 'roundtable-report', createdAt: '2030-01-01T00:00:00.000Z' })
    expect(catalog.hasRoundtable(b.id)).toBe(true)
    expect(catalog.hasRoundtable('missing')).toBe(false)
    db.close()
  })

  it('refuses a roundtable for an unknown event', () => {
    const db = new Database(file)
    const catalog = new SqliteCatalog(db)
    expect(() => catalog.createRoundtable({ eventId: 'nope', title: 'A', templateId: 'roundtable-report' })).toThrow(/nope/)
    expect(db.prepare('SELECT COUNT(*) AS n FROM roundtables').get()).toEqual({ n: 0 })
    db.close()
  })

  it('keeps rows and settings across reopening the file', () => {
    const db = new Database(file)
    const catalog = new SqliteCatalog(db)
    const event = catalog.createEvent({ title: 'Kept', closingAt: '2030-02-01T00:00:00.000Z' })
    catalog.setSetting('demo', 'yes')
    catalog.setSetting('demo', 'again')
    db.close()

    const reopened = new Database(file)
    const again = new SqliteCatalog(reopened)
    expect(again.listEvents()).toEqual([event])
    expect(again.getSetting('demo')).toBe('again')
    expect(again.getSetting('other')).toBeUndefined()
    reopened.close()
  })

  it('rolls back every write of a failed transaction', () => {
    const db = new Database(file)
    const catalog = new SqliteCatalog(db)
    expect(() =>
      catalog.transaction(() => {
        catalog.createEvent({ title: 'Lost', closingAt: '2030-02-01T00:00:00.000Z' })
        catalog.setSetting('seeded', 'yes')
        throw new Error('stop')
      }),
    ).toThrow('stop')
    expect(catalog.listEvents()).toEqual([])
    expect(catalog.getSetting('seeded')).toBeUndefined()
    db.close()
  })
})
