import { silentLogger } from '@rapporteur/collab'
import { readQuotes, reportQuotes, updateQuote, type QuoteConsent } from '@rapporteur/template'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { consentRewriteClientId, QuoteConsentWatcher } from '../QuoteConsentWatcher.js'
import { addV1Quote, setV1QuoteField } from './v1Quotes.js'

/** Lets queued microtasks (the watcher's rewrite) run. */
function settled(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/** A watched document with one quote per consent given, and the transactions written after that (origin each). */
function watchedDoc(consents: QuoteConsent[]): { doc: Y.Doc; watcher: QuoteConsentWatcher; writes: unknown[] } {
  const doc = new Y.Doc()
  for (const consent of consents) addV1Quote(doc, { text: 'Quote', speaker: 'Amina Diallo', affiliation: 'Ministry of Labour', consent })
  const watcher = new QuoteConsentWatcher({ logger: silentLogger })
  watcher.hooks.onDocumentLoad?.('report', doc)
  const writes: unknown[] = []
  doc.on('update', (_update: Uint8Array, origin: unknown) => writes.push(origin ?? 'local'))
  return { doc, watcher, writes }
}

/** The id of the item holding a quote's current value for `key`. */
function valueId(doc: Y.Doc, index: number, key: string): Y.ID | undefined {
  return reportQuotes(doc).get(index)?._map.get(key)?.id
}

// Layout v1 quotes (string names, set again as strings); layout v2 is in QuoteConsentWatcher.text.test.ts.
describe('QuoteConsentWatcher', () => {
  it('sets the names again, in one transaction of its own, when consent enters or leaves approved', async () => {
    const { doc, writes } = watchedDoc(['pending', 'approved'])
    const before = [valueId(doc, 0, 'speaker'), valueId(doc, 1, 'affiliation')]

    doc.transact(() => {
      updateQuote(doc, 0, { consent: 'approved' })
      updateQuote(doc, 1, { consent: 'anonymous' })
    })
    await settled()

    expect(writes).toHaveLength(2)
    expect(writes[0]).toBe('local')
    expect(typeof writes[1]).toBe('symbol')
    expect(valueId(doc, 0, 'speaker')).not.toEqual(before[0])
    expect(valueId(doc, 0, 'speaker')?.client).toBe(consentRewriteClientId)
    expect(doc.clientID).not.toBe(consentRewriteClientId)
    expect(valueId(doc, 1, 'affiliation')).not.toEqual(before[1])
    expect(readQuotes(doc).map((quote) => [quote.speaker, quote.affiliation])).toEqual([
      ['Amina Diallo', 'Ministry of Labour'],
      ['Amina Diallo', 'Ministry of Labour'],
    ])

    // Its own write does not trigger it again.
    await settled()
    expect(writes).toHaveLength(2)
  })

  it('never overrides a name a rapporteur set concurrently with the rewrite', async () => {
    const { doc: server } = watchedDoc(['pending'])
    server.clientID = 0xffffffff
    const rapporteur = new Y.Doc()
    rapporteur.clientID = 1
    Y.applyUpdate(rapporteur, Y.encodeStateAsUpdate(server))

    updateQuote(rapporteur, 0, { consent: 'approved' })
    Y.applyUpdate(server, Y.encodeStateAsUpdate(rapporteur, Y.encodeStateVector(server)))
    await settled()
    // Typed before the rewrite reached the rapporteur.
    setV1QuoteField(rapporteur, 0, 'speaker', 'Amina D.')
    Y.applyUpdate(server, Y.encodeStateAsUpdate(rapporteur, Y.encodeStateVector(server)))
    Y.applyUpdate(rapporteur, Y.encodeStateAsUpdate(server, Y.encodeStateVector(rapporteur)))

    expect(readQuotes(server)[0]?.speaker).toBe('Amina D.')
    expect(readQuotes(rapporteur)[0]?.speaker).toBe('Amina D.')
  })

  it('writes nothing when consent changes without crossing approved, or other fields change', async () => {
    const { doc, writes } = watchedDoc(['pending', 'approved'])
    updateQuote(doc, 0, { consent: 'anonymous' })
    doc.transact(() => {
      updateQuote(doc, 1, { consent: 'approved' })
      setV1QuoteField(doc, 1, 'speaker', 'Someone else')
    })
    addV1Quote(doc, { text: 'New', consent: 'approved' })
    await settled()
    expect(writes).toEqual(['local', 'local', 'local'])
  })

  it('stops watching when the document unloads', async () => {
    const { doc, watcher, writes } = watchedDoc(['pending'])
    expect(watcher.watchedCount).toBe(1)
    watcher.hooks.onDocumentUnload?.('report', doc)
    expect(watcher.watchedCount).toBe(0)
    updateQuote(doc, 0, { consent: 'approved' })
    await settled()
    expect(writes).toEqual(['local'])
  })

  it('skips a quote removed before the rewrite runs', async () => {
    const { doc, writes } = watchedDoc(['pending'])
    updateQuote(doc, 0, { consent: 'approved' })
    reportQuotes(doc).delete(0)
    await settled()
    expect(writes).toEqual(['local', 'local'])
    expect(readQuotes(doc)).toEqual([])
  })
})
