import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { openStorage, type Storage } from '../openStorage.js'
import { WalSync } from '../WalSync.js'

const cleanups: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function openTempStorage(): { storage: Storage; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'rapporteur-wal-'))
  const storage = openStorage(dir)
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  cleanups.push(async () => {
    await storage.store.close()
    storage.documentsDb.close()
    storage.db.close()
  })
  return { storage, dir }
}

function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('body').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

describe('documents written through WalSync', () => {
  it('keeps the documents on their own synchronous = NORMAL connection, everything else on FULL', () => {
    const { storage } = openTempStorage()
    // 2 = FULL, 1 = NORMAL
    expect(storage.db.pragma('synchronous', { simple: true })).toBe(2)
    expect(storage.documentsDb.pragma('synchronous', { simple: true })).toBe(1)
  })

  it('resolves writes (after syncing the WAL) that the other connection and a reopened file read', async () => {
    const { storage, dir } = openTempStorage()
    const ids = await Promise.all(['a', 'b', 'c'].map((text) => storage.store.append('doc', textUpdate(text))))
    expect(new Set(ids).size).toBe(3)
    const count = storage.db.prepare('SELECT COUNT(*) AS n FROM document_updates').get() as { n: number }
    expect(count.n).toBe(3)

    const reopened = openStorage(dir)
    cleanups.push(async () => {
      await reopened.store.close()
      reopened.documentsDb.close()
      reopened.db.close()
    })
    expect(await reopened.store.load('doc')).toHaveLength(3)
  })

  it('shares syncs between commits, and refuses once closed', async () => {
    const { dir } = openTempStorage()
    const sync = new WalSync(path.join(dir, 'rapporteur.db-wal'))
    await Promise.all([sync.afterCommit(), sync.afterCommit(), sync.afterCommit()])
    await sync.close()
    await expect(sync.afterCommit()).rejects.toThrow(/closed/)
  })

  it('starts syncs at least minIntervalMs apart; the commits made while one waits to start share it', async () => {
    const { storage, dir } = openTempStorage()
    await storage.store.append('doc', textUpdate('makes the WAL file'))
    const sync = new WalSync(path.join(dir, 'rapporteur.db-wal'), { minIntervalMs: 100 })
    cleanups.push(() => sync.close())
    await sync.afterCommit()
    expect(sync.syncCount).toBe(1)
    // Within 100 ms of the first: one more sync, which all five wait for (without the interval: two more).
    await Promise.all([1, 2, 3, 4, 5].map(() => sync.afterCommit()))
    expect(sync.syncCount).toBe(2)
  })

  it('rejects when the WAL file cannot be opened, and tries again next time', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rapporteur-wal-'))
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
    const sync = new WalSync(path.join(dir, 'missing-wal'))
    await expect(sync.afterCommit()).rejects.toThrow(/ENOENT/)
    await expect(sync.afterCommit()).rejects.toThrow(/ENOENT/)
    await sync.close()
  })
})
