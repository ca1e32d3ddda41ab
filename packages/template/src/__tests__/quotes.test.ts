import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addQuote, readQuotes, removeQuote, reportQuotes, updateQuote } from '../index.js'

describe('quotes', () => {
  it('adds anonymous quotes by default, updates and removes them', () => {
    const doc = new Y.Doc()
    addQuote(doc, { text: 'One' })
    addQuote(doc, { text: 'Two', consent: 'approved', speaker: 'S' })
    expect(readQuotes(doc).map((quote) => [quote.text, quote.consent])).toEqual([
      ['One', 'anonymous'],
      ['Two', 'approved'],
    ])
    updateQuote(doc, 0, { consent: 'pending', description: 'a delegate' })
    expect(readQuotes(doc)[0]).toEqual({ text: 'One', speaker: '', affiliation: '', description: 'a delegate', consent: 'pending' })
    removeQuote(doc, 1)
    expect(readQuotes(doc)).toHaveLength(1)
    expect(() => removeQuote(doc, 4)).toThrow(RangeError)
  })

  it('reads an unknown stored consent as anonymous', () => {
    const doc = new Y.Doc()
    const entry = new Y.Map<unknown>()
    entry.set('text', 'Hi')
    entry.set('consent', 'yes please')
    reportQuotes(doc).push([entry])
    expect(readQuotes(doc)[0]?.consent).toBe('anonymous')
  })
})
