import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DeferredFormattingCleanup } from '../DeferredFormattingCleanup.js'
import { splitUpdate, splitUpdateSteps } from '../splitUpdate.js'
import { int, pick, randomEdit, randomHistory, seededRandom } from './randomYjsHistory.js'

/** `update` applied to a fresh doc (on `base` if given). */
function applied(update: Uint8Array, gc: boolean, base: Uint8Array | null = null): Y.Doc {
  const doc = new Y.Doc({ gc })
  if (base !== null) Y.applyUpdate(doc, base)
  Y.applyUpdate(doc, update)
  return doc
}

/** The doc's types as JSON (a subdocument as its guid: each replica gives it its own client id). */
function contents(doc: Y.Doc): string {
  const types = {
    text: doc.getText('text').toJSON(),
    array: doc.getArray('array').toJSON(),
    map: doc.getMap('map').toJSON(),
    xml: doc.getXmlFragment('xml').toString(),
    default: doc.getXmlFragment('default').toString(),
  }
  return JSON.stringify(types, (_key, value: unknown) => (value instanceof Y.Doc ? `doc ${value.guid}` : value))
}

/** Byte-for-byte equality, reported as the first differing offset (deep equality of big arrays is slow). */
function expectSameBytes(actual: Uint8Array, expected: Uint8Array): void {
  let offset = 0
  while (offset < actual.length && offset < expected.length && actual[offset] === expected[offset]) offset++
  expect({ offset, length: actual.length }).toEqual({ offset: expected.length, length: expected.length })
}

/** `update` applied to a fresh doc and encoded again (adjacent collected structs merged). */
function reencoded(update: Uint8Array): Uint8Array {
  return Y.encodeStateAsUpdate(applied(update, true))
}

/** Splits `update`, applies the chunks one by one (on `base` if given), and checks it all against applying it whole. */
function expectSplitRebuilds(update: Uint8Array, maxChunkBytes: number, gc: boolean, base: Uint8Array | null = null): Uint8Array[] {
  const { chunks, stateVector } = splitUpdate(update, maxChunkBytes)
  expect(stateVector).toEqual(Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update)))
  const doc = new Y.Doc({ gc })
  if (base !== null) Y.applyUpdate(doc, base)
  // As the loader does: Yjs's formatting cleanup put off until every chunk is in, then run per text.
  const cleanup = new DeferredFormattingCleanup(doc)
  for (const chunk of chunks) {
    Y.applyUpdate(doc, chunk)
    expect(doc.store.pendingStructs).toBeNull()
    expect(doc.store.pendingDs).toBeNull()
  }
  for (const text of cleanup.finish()) Y.cleanupYTextFormatting(text)
  const whole = applied(update, gc, base)
  if (gc) {
    // Collected runs may be left in more pieces (a type collected in a later chunk than its content): the
    // same structs once re-encoded.
    expectSameBytes(reencoded(Y.encodeStateAsUpdate(doc)), reencoded(Y.encodeStateAsUpdate(whole)))
  } else {
    expectSameBytes(Y.encodeStateAsUpdate(doc), Y.encodeStateAsUpdate(whole))
  }
  expect(contents(doc)).toEqual(contents(whole))
  return chunks
}

describe('splitUpdate', () => {
  it('splits random documents into chunks that rebuild them exactly', () => {
    let splits = 0
    for (let seed = 1; seed <= 14; seed++) {
      const gc = seed % 2 === 0
      const { docs, updates } = randomHistory(seed, gc, 60 + seed * 4)
      const candidates = [Y.encodeStateAsUpdate(docs[0] as Y.Doc), Y.mergeUpdates(updates)]
      for (const update of candidates) {
        for (const maxChunkBytes of [64, 200, 1000]) {
          const chunks = expectSplitRebuilds(update, maxChunkBytes, seed % 3 !== 0)
          if (update.length > maxChunkBytes * 2) {
            expect(chunks.length).toBeGreaterThan(1)
            splits++
          }
        }
      }
    }
    expect(splits).toBeGreaterThan(30)
  })

  // Yjs tidies a text's formatting after each remote transaction, looking only at what that transaction changed,
  // so a chunk that brings deletions without the formats around them could drop a format item that applying the
  // update whole keeps — unless the cleanup is put off until every chunk is in (`DeferredFormattingCleanup`).
  it('rebuilds documents with formatted texts exactly when the formatting cleanup waits for the last chunk', () => {
    for (let seed = 15; seed <= 34; seed++) {
      const { docs, updates } = randomHistory(seed, seed % 2 === 0, 60 + seed * 4, true)
      for (const update of [Y.encodeStateAsUpdate(docs[0] as Y.Doc), Y.mergeUpdates(updates)]) {
        expectSplitRebuilds(update, 64, seed % 3 !== 0)
      }
    }
  })

  it('splits a diff update applied onto a document that holds the earlier part', () => {
    for (let seed = 101; seed <= 106; seed++) {
      const gc = seed % 2 === 0
      const { docs } = randomHistory(seed, gc, 40)
      const doc = docs[0] as Y.Doc
      const earlier = Y.encodeStateAsUpdate(doc)
      const stateVector = Y.encodeStateVector(doc)
      const random = seededRandom(seed)
      for (let i = 0; i < 40; i++) doc.transact(() => randomEdit(doc, random, false))
      const diff = Y.encodeStateAsUpdate(doc, stateVector)
      for (const maxChunkBytes of [64, 300]) expectSplitRebuilds(diff, maxChunkBytes, gc, earlier)
    }
  })

  it('returns a small update as it is', () => {
    const doc = new Y.Doc()
    doc.getText('text').insert(0, 'hello')
    const update = Y.encodeStateAsUpdate(doc)
    const result = splitUpdate(update, 1000)
    expect(result.chunks).toHaveLength(1)
    expect(result.chunks[0]).toBe(update)
    expect(result.stateVector).toEqual(new Map([[doc.clientID, 5]]))
  })

  it('returns an update holding a Skip as it is, and it still applies', () => {
    const doc = new Y.Doc()
    doc.clientID = 7
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    const text = doc.getText('text')
    for (let i = 0; i < 30; i++) text.insert(text.length, `line ${i} of the report\n`)
    const withGap = Y.mergeUpdates([...updates.slice(0, 10), ...updates.slice(20)])
    expect(Y.decodeUpdate(withGap).structs.some((struct) => struct instanceof Y.Skip)).toBe(true)
    const result = splitUpdate(withGap, 64)
    expect(result.chunks).toEqual([withGap])
    expect(result.chunks[0]).toBe(withGap)
    expect(result.stateVector).toEqual(Y.decodeStateVector(Y.encodeStateVectorFromUpdate(withGap)))
    const rebuilt = new Y.Doc()
    Y.applyUpdate(rebuilt, result.chunks[0] as Uint8Array)
    Y.applyUpdate(rebuilt, Y.mergeUpdates(updates.slice(10, 20)))
    expect(rebuilt.getText('text').toString()).toBe(text.toString())
  })

  it('yields while it works, and gives the same result as splitUpdate', () => {
    const { docs } = randomHistory(7, true, 150)
    const update = Y.encodeStateAsUpdate(docs[0] as Y.Doc)
    const steps = splitUpdateSteps(update, 100, 5)
    let yields = 0
    let step = steps.next()
    for (; step.done !== true; step = steps.next()) yields++
    expect(yields).toBeGreaterThan(10)
    expect(step.value.chunks).toEqual(splitUpdate(update, 100).chunks)
  })

  it('throws on every truncation of an update', () => {
    const { docs } = randomHistory(3, false, 80)
    const update = Y.encodeStateAsUpdate(docs[0] as Y.Doc)
    for (let length = 0; length < update.length; length++) {
      expect(() => splitUpdate(update.subarray(0, length), 64)).toThrow()
    }
  })

  it('throws or splits on flipped bytes, and agrees with Yjs on the state vector', () => {
    const { docs } = randomHistory(5, true, 80)
    const update = Y.encodeStateAsUpdate(docs[0] as Y.Doc)
    const random = seededRandom(99)
    let agreed = 0
    for (let i = 0; i < 400; i++) {
      const broken = update.slice()
      for (let flips = 1 + int(random, 3); flips > 0; flips--) {
        const at = int(random, broken.length)
        broken[at] = (broken[at] as number) ^ (1 << int(random, 8))
      }
      let result: ReturnType<typeof splitUpdate>
      try {
        result = splitUpdate(broken, 64)
      } catch (error) {
        expect(error).toBeInstanceOf(Error)
        continue
      }
      expect(result.chunks.length).toBeGreaterThan(0)
      let expected: Map<number, number> | null = null
      try {
        expected = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(broken))
      } catch {
        // Yjs reads strings and JSON further than the splitter needs to.
      }
      if (expected !== null) {
        expect(result.stateVector).toEqual(expected)
        agreed++
      }
    }
    expect(agreed).toBeGreaterThan(0)
  })

  it('throws quickly on a count claiming 2^31 structs', () => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint(encoder, 2 ** 31)
    encoding.writeVarUint(encoder, 5)
    encoding.writeVarUint(encoder, 0)
    encoding.writeUint8(encoder, 0)
    encoding.writeVarUint(encoder, 3)
    encoding.writeVarUint(encoder, 0)
    expect(() => splitUpdate(encoding.toUint8Array(encoder), 64)).toThrow(/claims 2147483648 structs/)
  })

  it('throws on an unknown content ref and on a number too large', () => {
    const unknownContent = Uint8Array.from([1, 1, 5, 0, 0x8b, 1, 0, 0])
    expect(() => splitUpdate(unknownContent, 64)).toThrow(/Unknown content ref 11/)
    const overflow = Uint8Array.from([1, 1, 5, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f, 0])
    expect(() => splitUpdate(overflow, 64)).toThrow(/too large/)
  })

  it('splits a 1 MB typed report into chunks of about maxChunkBytes that rebuild it', () => {
    const random = seededRandom(2024)
    const doc = new Y.Doc()
    doc.clientID = 42
    const fragment = doc.getXmlFragment('default')
    const words = ['the ', 'roundtable ', 'agreed ', 'été ', 'naïve ', '— ', 'l’avis ', '報告書 ', '会議の結論 ', '😀 ', 'συμφωνία ']
    let typed = 0
    for (let p = 0; typed < 300_000; p++) {
      const paragraph = new Y.XmlElement(p % 20 === 0 ? 'heading' : 'paragraph')
      const text = new Y.XmlText()
      fragment.insert(fragment.length, [paragraph])
      paragraph.insert(0, [text])
      let body = ''
      while (body.length < 400) body += pick(random, words)
      text.insert(0, body)
      for (let i = 0; i < 20; i++) {
        const word = pick(random, words)
        text.insert(int(random, text.length + 1), word, i % 3 === 0 ? { bold: true } : undefined)
      }
      if (p % 10 === 0) text.delete(int(random, text.length - 10), 5)
      typed += text.length
    }
    const update = Y.encodeStateAsUpdate(doc)
    expect(update.length).toBeGreaterThan(750_000)
    const maxChunkBytes = 16_384
    const chunks = expectSplitRebuilds(update, maxChunkBytes, false)
    expect(chunks.length).toBeGreaterThanOrEqual(Math.floor(update.length / maxChunkBytes))
    // Every struct here is under 2 KB (a paragraph's first insert is the longest).
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(maxChunkBytes + 2048)
  })
})
