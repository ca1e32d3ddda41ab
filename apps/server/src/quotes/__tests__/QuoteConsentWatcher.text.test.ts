import { silentLogger } from '@rapporteur/collab'
import { addQuoteEntry, findQuote, quoteFieldText, readQuoteEntries, redactQuoteNames, updateQuoteById } from '@rapporteur/template'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { consentRewriteClientId, QuoteConsentWatcher } from '../QuoteConsentWatcher.js'

function settled(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0))
}

/** The clients that made the characters a text shows now. */
function authorsOf(text: Y.Text): Set<number> {
  const clients = new Set<number>()
  for (let item = text._start; item !== null; item = item.right) if (!item.deleted) clients.add(item.id.client)
  return clients
}

describe('QuoteConsentWatcher on layout v2 (Y.Text names)', () => {
  it('renews the name texts when consent crosses approved, so a reader gets the names only while approved', async () => {
    const server = new Y.Doc()
    const id = addQuoteEntry(server, { text: 'Mobility matters', speaker: 'Amina Diallo', affiliation: 'Ministry of Labour', consent: 'pending' })
    const watcher = new QuoteConsentWatcher({ logger: silentLogger })
    watcher.hooks.onDocumentLoad?.('report', server)
    const reader = new Y.Doc()
    const toReader = (update: Uint8Array): void => Y.applyUpdate(reader, redactQuoteNames(update, server))
    server.on('update', toReader)
    toReader(Y.encodeStateAsUpdate(server))
    expect(readQuoteEntries(reader)[0]?.speaker).toBe('')

    updateQuoteById(server, id, { consent: 'approved' })
    await settled()
    const speaker = quoteFieldText(findQuote(server, id) as Y.Map<unknown>, 'speaker')
    expect(speaker.toString()).toBe('Amina Diallo')
    expect([...authorsOf(speaker)]).toEqual([consentRewriteClientId])
    expect(readQuoteEntries(reader)[0]).toMatchObject({ speaker: 'Amina Diallo', affiliation: 'Ministry of Labour', consent: 'approved' })

    updateQuoteById(server, id, { consent: 'anonymous' })
    await settled()
    expect(readQuoteEntries(reader)[0]).toMatchObject({ speaker: '', affiliation: '', consent: 'anonymous' })
    expect(readQuoteEntries(server)[0]).toMatchObject({ speaker: 'Amina Diallo', affiliation: 'Ministry of Labour' })
  })

  it('keeps what a rapporteur typed into a name while the server renewed it', async () => {
    const server = new Y.Doc()
    server.clientID = 0xffffff
    const id = addQuoteEntry(server, { text: 'Quote', speaker: 'Amina', consent: 'pending' })
    const watcher = new QuoteConsentWatcher({ logger: silentLogger })
    watcher.hooks.onDocumentLoad?.('report', server)
    const rapporteur = new Y.Doc()
    rapporteur.clientID = 7
    Y.applyUpdate(rapporteur, Y.encodeStateAsUpdate(server))

    updateQuoteById(rapporteur, id, { consent: 'approved' })
    Y.applyUpdate(server, Y.encodeStateAsUpdate(rapporteur, Y.encodeStateVector(server)))
    await settled()
    // Typed before the renewal reached the rapporteur.
    updateQuoteById(rapporteur, id, { speaker: 'Amina Diallo' })
    Y.applyUpdate(server, Y.encodeStateAsUpdate(rapporteur, Y.encodeStateVector(server)))
    Y.applyUpdate(rapporteur, Y.encodeStateAsUpdate(server, Y.encodeStateVector(rapporteur)))

    for (const doc of [server, rapporteur]) expect(readQuoteEntries(doc)[0]?.speaker).toContain(' Diallo')
    expect(readQuoteEntries(server)[0]?.speaker).toBe(readQuoteEntries(rapporteur)[0]?.speaker)
    expect(readQuoteEntries(server)[0]?.speaker.replace(' Diallo', '')).toBe('Amina')
  })
})
