import type { CollabHooks, Logger } from '@rapporteur/collab'
import { QUOTE_NAME_KEYS, reportQuotes } from '@rapporteur/template'
import * as Y from 'yjs'

/** Transaction origin of the watcher's own writes (ignored when it observes them). */
const consentWatcherOrigin = Symbol('quote-consent-watcher')

/**
 * Client id the rewrite's items are made with. Two values set concurrently on one map key are ordered by client id
 * and the larger one wins, so with the smallest id a rapporteur's name edit made concurrently with the rewrite
 * (before it reached them) always wins over the rewrite's copy of the previous value. Only the server writes
 * with it, one document at a time, and the document holds its earlier items, so its clocks continue.
 */
export const consentRewriteClientId = 0

/** One open document being watched: its quotes' observer and the quotes waiting to be re-set. */
interface WatchedDocument {
  readonly quotes: Y.Array<Y.Map<unknown>>
  readonly observer: (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction) => void
  readonly crossed: Set<Y.Map<unknown>>
  closed: boolean
}

/** Replaces every character of `text` with a new item holding the same character. */
function renewText(text: Y.Text): void {
  const current = text.toString()
  if (current.length === 0) return
  text.delete(0, current.length)
  text.insert(0, current)
}

function isApproved(consent: unknown): boolean {
  return consent === 'approved'
}

/**
 * Keeps read-only readers' quote names right when a quote's consent changes. Read-only connections receive a
 * quote's `speaker` and `affiliation` only while its consent is `approved` (`redactQuoteNames`), and keep whatever
 * they received for an item forever (same id). So when a consent crosses the `approved` boundary (into it or out
 * of it), the watcher sets that quote's name fields again to their current values, in one transaction of its own:
 * the new items are what readers now see (the names, or nothing). Nothing is written when consent changes
 * without crossing the boundary, and its own writes never trigger it.
 *
 * Hooks must not write the room's document while it is being changed: the rewrite is queued as a microtask,
 * which runs once the update that crossed the boundary has been applied, relayed and handed to persistence.
 */
export class QuoteConsentWatcher {
  private readonly documents = new Map<string, WatchedDocument>()
  private readonly logger: Logger

  constructor(options: { logger: Logger }) {
    this.logger = options.logger
  }

  /** The collab hooks that start and stop watching a document. */
  readonly hooks: Pick<CollabHooks, 'onDocumentLoad' | 'onDocumentUnload'> = {
    onDocumentLoad: (name, doc) => this.watch(name, doc),
    onDocumentUnload: (name, doc) => this.unwatch(name, doc),
  }

  /** How many documents are watched (for tests). */
  get watchedCount(): number {
    return this.documents.size
  }

  private watch(name: string, doc: Y.Doc): void {
    this.unwatch(name, doc)
    const quotes = reportQuotes(doc)
    const watched: WatchedDocument = {
      quotes,
      crossed: new Set(),
      closed: false,
      observer: (events, transaction) => {
        if (transaction.origin === consentWatcherOrigin) return
        const before = watched.crossed.size
        for (const event of events) {
          const quote = event.target
          if (!(quote instanceof Y.Map) || quote.parent !== quotes) continue
          const change = event.keys.get('consent')
          if (change !== undefined && isApproved(change.oldValue) !== isApproved(quote.get('consent'))) {
            watched.crossed.add(quote as Y.Map<unknown>)
          }
        }
        if (before === 0 && watched.crossed.size > 0) queueMicrotask(() => this.rewriteNames(name, doc, watched))
      },
    }
    quotes.observeDeep(watched.observer)
    this.documents.set(name, watched)
  }

  private unwatch(name: string, doc: Y.Doc): void {
    const watched = this.documents.get(name)
    if (watched === undefined || watched.quotes.doc !== doc) return
    watched.closed = true
    watched.quotes.unobserveDeep(watched.observer)
    this.documents.delete(name)
  }

  /** Sets the name fields of the quotes whose consent crossed the boundary again, in one transaction. */
  private rewriteNames(name: string, doc: Y.Doc, watched: WatchedDocument): void {
    const quotes = [...watched.crossed]
    watched.crossed.clear()
    if (watched.closed) return
    let rewritten = 0
    const ownClientId = doc.clientID
    doc.clientID = consentRewriteClientId
    try {
      doc.transact(() => {
        for (const quote of quotes) {
          if (quote.parent !== watched.quotes || quote._item?.deleted === true) continue
          for (const key of QUOTE_NAME_KEYS) {
            const value: unknown = quote.get(key)
            // Layout v1: a plain string, set again. Layout v2: the same Y.Text, its characters deleted and inserted
            // again as new items (what a rapporteur types into it meanwhile is merged, not replaced). Anything else
            // stays withheld from readers.
            if (typeof value === 'string') quote.set(key, value)
            else if (value instanceof Y.Text) renewText(value)
          }
          rewritten++
        }
      }, consentWatcherOrigin)
    } finally {
      doc.clientID = ownClientId
    }
    if (rewritten > 0) this.logger.debug('Quote consent crossed "approved"; names set again', { documentName: name, quotes: rewritten })
  }
}
