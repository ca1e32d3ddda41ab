import { addQuoteEntry, metaFieldText, readMetaField, readQuoteEntries, removeQuoteById, reportMeta, reportQuotes, updateQuoteById } from '@rapporteur/template'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createFieldUndo } from '../createFieldUndo'
import { createTextBinding } from '../createTextBinding'
import { FIELD_EDIT_ORIGIN } from '../fieldEditOrigin'
import { metaFieldSource } from '../metaFieldSource'
import { quoteIdForWrite } from '../quoteIdForWrite'
import { FakeField } from './FakeField'
import { syncDocs } from './syncDocs'

function bindTitle(doc: Y.Doc) {
  const field = new FakeField()
  const binding = createTextBinding(field, metaFieldSource(doc, 'title'), { origin: FIELD_EDIT_ORIGIN, hasFocus: () => true })
  return { field, binding }
}

describe('createFieldUndo', () => {
  it('undoes only the person’s own typing, never a co-author’s', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    metaFieldText(a, 'title').insert(0, 'Title')
    syncDocs(a, b)
    const undo = createFieldUndo(a)
    const { field, binding } = bindTitle(a)
    field.select(5)
    field.type(' by Amina')
    binding.input()
    syncDocs(a, b)
    metaFieldText(b, 'title').insert(0, 'Draft: ')
    syncDocs(b, a)
    expect(field.value).toBe('Draft: Title by Amina')

    undo.undo()
    expect(readMetaField(a, 'title')).toBe('Draft: Title')
    expect(field.value).toBe('Draft: Title')
    undo.undo()
    expect(readMetaField(a, 'title')).toBe('Draft: Title')
    undo.redo()
    expect(field.value).toBe('Draft: Title by Amina')
  })

  it('never undoes the upgrade of a layout v1 field (that would write the v1 string back)', () => {
    const doc = new Y.Doc()
    reportMeta(doc).set('title', 'Old')
    const undo = createFieldUndo(doc)
    const { field, binding } = bindTitle(doc)
    field.select(3)
    field.type(' and new')
    binding.input()
    undo.undo()
    expect(reportMeta(doc).get('title')).toBeInstanceOf(Y.Text)
    expect(readMetaField(doc, 'title')).toBe('Old')
    expect(undo.canUndo()).toBe(false)
  })

  it('brings a removed quote back with its id and words', () => {
    const doc = new Y.Doc()
    const undo = createFieldUndo(doc)
    const first = addQuoteEntry(doc, { text: 'Mobility is a paradigm.', speaker: 'Dr. Example', consent: 'approved' }, FIELD_EDIT_ORIGIN)
    addQuoteEntry(doc, { text: 'Second' }, FIELD_EDIT_ORIGIN)
    undo.stopCapturing()
    removeQuoteById(doc, first, FIELD_EDIT_ORIGIN)
    expect(readQuoteEntries(doc).map((quote) => quote.text)).toEqual(['Second'])

    undo.undo()
    const [restored, second] = readQuoteEntries(doc)
    expect(restored).toEqual({
      id: first,
      text: 'Mobility is a paradigm.',
      speaker: 'Dr. Example',
      affiliation: '',
      description: '',
      consent: 'approved',
    })
    expect(second?.text).toBe('Second')
    expect(reportQuotes(doc).get(0).get('text')).toBeInstanceOf(Y.Text)
  })

  it('leaves a co-author’s quotes alone', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const undo = createFieldUndo(a)
    addQuoteEntry(b, { text: 'Theirs' })
    syncDocs(b, a)
    addQuoteEntry(a, { text: 'Mine' }, FIELD_EDIT_ORIGIN)
    undo.undo()
    expect(readQuoteEntries(a).map((quote) => quote.text)).toEqual(['Theirs'])
  })
})

describe('quoteIdForWrite', () => {
  it('lands a consent change on the quote the person saw although one before it was removed meanwhile', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    const first = addQuoteEntry(a, { text: 'First' })
    const second = addQuoteEntry(a, { text: 'Second' })
    syncDocs(a, b)
    const seen = reportQuotes(a).get(1)
    removeQuoteById(b, first)
    syncDocs(b, a)
    updateQuoteById(a, quoteIdForWrite(a, seen), { consent: 'approved' }, FIELD_EDIT_ORIGIN)
    expect(readQuoteEntries(a)).toEqual([expect.objectContaining({ id: second, text: 'Second', consent: 'approved' })])
  })

  it('is empty for a quote removed meanwhile, so the write changes nothing', () => {
    const doc = new Y.Doc()
    const id = addQuoteEntry(doc, { text: 'Gone' })
    addQuoteEntry(doc, { text: 'Stays' })
    const seen = reportQuotes(doc).get(0)
    removeQuoteById(doc, id)
    expect(quoteIdForWrite(doc, seen)).toBe('')
    expect(updateQuoteById(doc, quoteIdForWrite(doc, seen), { consent: 'approved' })).toBe(false)
    expect(readQuoteEntries(doc)).toEqual([expect.objectContaining({ text: 'Stays', consent: 'anonymous' })])
  })

  it('upgrades a layout v1 quote in place before the first write', () => {
    const doc = new Y.Doc()
    const entry = new Y.Map<unknown>()
    entry.set('text', 'Old words')
    entry.set('consent', 'pending')
    reportQuotes(doc).push([entry])
    const id = quoteIdForWrite(doc, entry)
    expect(id).toMatch(/^q[0-9a-f]{24}$/)
    expect(entry.get('text')).toBeInstanceOf(Y.Text)
    expect(readQuoteEntries(doc)).toEqual([expect.objectContaining({ id, text: 'Old words', consent: 'pending' })])
  })
})
