import type { DocumentStore } from '@rapporteur/collab'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'

/** A store for one contract test, with what the suite needs to look behind it. */
export interface StoreUnderTest {
  /** A store holding no records. */
  readonly store: DocumentStore
  /** Opens the same storage again, after `store.close()`. Omitted when nothing outlives the store. */
  readonly reopen?: () => Promise<DocumentStore>
  /** The records of the document that `quarantine` set aside, oldest first. */
  readonly quarantined?: (documentName: string) => Promise<{ id: number; update: Uint8Array }[]>
  /** Releases what the test made; the stores are closed already. */
  readonly dispose?: () => Promise<void>
}

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc)
  doc.getText('body').insert(doc.getText('body').length, text)
  return Y.encodeStateAsUpdate(doc, before)
}

/**
 * The behaviour every `DocumentStore` must have, as a vitest suite: call it with a factory making a fresh store
 * (and, where it can, ways to reopen and inspect it) once per test.
 */
export function describeDocumentStoreContract(
  name: string,
  makeStore: () => StoreUnderTest | Promise<StoreUnderTest>,
): void {
  describe(`${name} keeps the DocumentStore contract`, () => {
    let subject: StoreUnderTest
    let store: DocumentStore

    async function storedText(documentName: string): Promise<string> {
      const doc = new Y.Doc()
      for (const record of await store.load(documentName)) Y.applyUpdate(doc, record.update)
      return doc.getText('body').toString()
    }

    beforeEach(async () => {
      subject = await makeStore()
      store = subject.store
    })

    afterEach(async () => {
      await store.close()
      await subject.dispose?.()
    })

    it('appends updates and loads them back in order, per document', async () => {
      const doc = new Y.Doc()
      const first = await store.append('a', textUpdate(doc, 'Hello'))
      const second = await store.append('a', textUpdate(doc, ', world'))
      const other = await store.append('b', textUpdate(new Y.Doc(), 'other'))

      const records = await store.load('a')
      expect(records.map((record) => record.id)).toEqual([first, second])
      expect(first).toBeLessThan(second)
      expect(new Set([first, second, other]).size).toBe(3)
      expect(records[0]?.update).toBeInstanceOf(Uint8Array)
      expect(await storedText('a')).toBe('Hello, world')
      expect(await storedText('b')).toBe('other')
    })

    it('loads an empty list for a document never written', async () => {
      expect(await store.load('never-written')).toEqual([])
    })

    it('stores an update twice harmlessly', async () => {
      const update = textUpdate(new Y.Doc(), 'once')
      await Promise.all([store.append('a', update), store.append('a', update)])
      await store.append('a', update)
      expect(await storedText('a')).toBe('once')
    })

    it('compacts exactly the listed records and keeps records appended concurrently', async () => {
      const doc = new Y.Doc()
      const listed = [await store.append('a', textUpdate(doc, 'one '))]
      listed.push(await store.append('a', textUpdate(doc, 'two ')))
      const unlisted = await store.append('a', textUpdate(new Y.Doc(), 'unlisted '))
      const otherDocument = await store.append('b', textUpdate(new Y.Doc(), 'untouched'))

      const [mergedId, concurrent] = await Promise.all([
        store.compact('a', Y.encodeStateAsUpdate(doc), listed),
        store.append('a', textUpdate(new Y.Doc(), 'concurrent')),
      ])

      const ids = (await store.load('a')).map((record) => record.id)
      expect([...ids].sort((x, y) => x - y)).toEqual([unlisted, concurrent, mergedId].sort((x, y) => x - y))
      expect(await storedText('a')).toContain('one two ')
      expect(await storedText('a')).toContain('unlisted ')
      expect(await storedText('a')).toContain('concurrent')
      expect((await store.load('b')).map((record) => record.id)).toEqual([otherDocument])
    })

    it('keeps the state vector given with a compaction and returns it with the merged record', async () => {
      const doc = new Y.Doc()
      const ids = [await store.append('a', textUpdate(doc, 'one')), await store.append('a', textUpdate(doc, ' two'))]
      const stateVector = Y.encodeStateVector(doc)
      const merged = await store.compact('a', Y.encodeStateAsUpdate(doc), ids, stateVector)

      const records = await store.load('a')
      expect(records.map((record) => record.id)).toEqual([merged])
      expect(records[0]?.stateVector).toEqual(stateVector)
      expect(await storedText('a')).toBe('one two')
    })

    it('reads back what was written after the store is closed and reopened', async ({ skip }) => {
      const reopen = subject.reopen
      if (reopen === undefined) return skip('this store keeps nothing once closed')
      const doc = new Y.Doc()
      const first = await store.append('a', textUpdate(doc, 'persisted'))
      const stateVector = Y.encodeStateVector(doc)
      const merged = await store.compact('a', Y.encodeStateAsUpdate(doc), [first], stateVector)
      const pending = store.append('a', textUpdate(doc, ' and pending'))
      await store.close()
      await pending

      store = await reopen()
      expect((await store.load('a'))[0]).toMatchObject({ id: merged, stateVector })
      expect(await storedText('a')).toBe('persisted and pending')
    })

    it('moves quarantined records out of the document, whole, never to be loaded again', async ({ skip }) => {
      if (store.quarantine === undefined) skip('this store has no quarantine')
      const kept = await store.append('a', textUpdate(new Y.Doc(), 'kept'))
      const bad = await store.append('a', new Uint8Array([1, 2, 3]))
      const other = await store.append('b', textUpdate(new Y.Doc(), 'other'))

      await store.quarantine?.('a', [bad, other])

      expect((await store.load('a')).map((record) => record.id)).toEqual([kept])
      expect((await store.load('b')).map((record) => record.id)).toEqual([other])
      const quarantined = (await subject.quarantined?.('a')) ?? []
      if (subject.quarantined !== undefined) {
        expect(quarantined.map((record) => [record.id, [...record.update]])).toEqual([[bad, [1, 2, 3]]])
      }
      expect((await store.load('a')).map((record) => record.id)).toEqual([kept])
    })

    it('rejects every call after close', async () => {
      const id = await store.append('a', textUpdate(new Y.Doc(), 'x'))
      await store.close()
      await expect(store.load('a')).rejects.toThrow('closed')
      await expect(store.append('a', new Uint8Array([0, 0]))).rejects.toThrow('closed')
      await expect(store.compact('a', new Uint8Array([0, 0]), [id])).rejects.toThrow('closed')
      if (store.quarantine !== undefined) await expect(store.quarantine('a', [id])).rejects.toThrow('closed')
    })
  })
}
