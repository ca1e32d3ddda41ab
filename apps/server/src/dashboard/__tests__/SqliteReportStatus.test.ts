import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { RoundtableStatus } from '@rapporteur/template'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../storage/openDatabase.js'
import { SqliteReportStatus } from '../SqliteReportStatus.js'

const cleanups: Array<() => void> = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

function openStatusFile(): { file: string; statuses: SqliteReportStatus; rows: () => number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'rapporteur-status-'))
  const file = path.join(dir, 'status.db')
  const db = openDatabase(file)
  cleanups.push(() => {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  })
  const statuses = new SqliteReportStatus(db)
  const rows = () => (db.prepare('SELECT COUNT(*) AS n FROM report_status').get() as { n: number }).n
  return { file, statuses, rows }
}

function status(id: string, words: number): RoundtableStatus {
  return {
    id,
    title: `Roundtable ${id}`,
    templateId: 'roundtable-report',
    progress: { words } as unknown as RoundtableStatus['progress'],
    ready: null,
    lastEditAt: null,
    present: [{ name: 'Someone' } as unknown as RoundtableStatus['present'][number]],
    lastPresentAt: null,
  }
}

describe('SqliteReportStatus', () => {
  it('collects statuses and writes them together; reads see them at once, without presence', () => {
    const { statuses, rows } = openStatusFile()
    for (let i = 0; i < 50; i++) statuses.put(status(`rt-${i % 10}`, i), new Date())
    expect(rows()).toBe(0)
    expect(statuses.get('rt-3')?.progress).toEqual({ words: 43 })
    expect(statuses.get('rt-3')?.present).toEqual([])

    statuses.flush()
    expect(rows()).toBe(10)
    expect(statuses.get('rt-9')?.progress).toEqual({ words: 49 })
  })

  it('writes by itself shortly after a put', async () => {
    const { statuses, rows } = openStatusFile()
    statuses.put(status('rt-1', 1), new Date())
    await expect.poll(rows, { timeout: 2_000 }).toBe(1)
  })
})
