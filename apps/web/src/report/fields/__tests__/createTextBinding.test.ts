import { metaFieldText, readMetaField, reportMeta } from '@rapporteur/template'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createTextBinding } from '../createTextBinding'
import { FIELD_EDIT_ORIGIN } from '../fieldEditOrigin'
import { metaFieldSource } from '../metaFieldSource'
import { FakeField } from './FakeField'
import { syncDocs } from './syncDocs'

function bindTitle(doc: Y.Doc) {
  const field = new FakeField()
  const binding = createTextBinding(field, metaFieldSource(doc, 'title'), { origin: FIELD_EDIT_ORIGIN, hasFocus: () => field.focused })
  return { field, binding }
}

function twoPages(title: string) {
  const a = new Y.Doc()
  const b = new Y.Doc()
  metaFieldText(a, 'title').insert(0, title)
  syncDocs(a, b)
  return { a, b, title: (doc: Y.Doc) => metaFieldText(doc, 'title') }
}

describe('createTextBinding', () => {
  it('shows the text and keeps the caret on its letter when a co-author types before or after it', () => {
    const { a, b, title } = twoPages('Roundtable')
    const { field } = bindTitle(a)
    expect(field.value).toBe('Roundtable')
    field.select(5)

    title(b).insert(0, 'Draft: ')
    syncDocs(b, a)
    expect(field.value).toBe('Draft: Roundtable')
    expect([field.selectionStart, field.selectionEnd]).toEqual([12, 12])

    title(b).insert(17, ' (day 2)')
    syncDocs(b, a)
    expect(field.value).toBe('Draft: Roundtable (day 2)')
    expect([field.selectionStart, field.selectionEnd]).toEqual([12, 12])
  })

  it('keeps the caret before words a co-author types exactly at it, and a selection from growing', () => {
    const { a, b, title } = twoPages('ab')
    const { field } = bindTitle(a)
    field.select(1)
    title(b).insert(1, 'XY')
    syncDocs(b, a)
    expect(field.selectionStart).toBe(1)

    field.select(1, 3)
    title(b).insert(1, '<')
    title(b).insert(4, '>')
    syncDocs(b, a)
    expect(field.value).toBe('a<XY>b')
    expect([field.selectionStart, field.selectionEnd]).toEqual([2, 4])
  })

  it('maps a caret inside text a co-author deleted to where the deletion was', () => {
    const { a, b, title } = twoPages('Roundtable')
    const { field } = bindTitle(a)
    field.select(7)
    title(b).delete(2, 6)
    syncDocs(b, a)
    expect(field.value).toBe('Role')
    expect(field.selectionStart).toBe(2)
  })

  it('writes only the person’s edit, so a co-author’s words that arrived before it are kept', () => {
    const { a, b, title } = twoPages('Structured fields')
    const { field, binding } = bindTitle(a)
    field.select(0)
    title(b).insert(17, ' (day 2)')
    syncDocs(b, a)
    field.type('Draft: ')
    binding.input()
    syncDocs(a, b)
    expect(readMetaField(a, 'title')).toBe('Draft: Structured fields (day 2)')
    expect(readMetaField(b, 'title')).toBe('Draft: Structured fields (day 2)')
    expect(field.value).toBe('Draft: Structured fields (day 2)')
  })

  it('writes concurrent edits of the same field from both pages into one text with both', () => {
    const { a, b } = twoPages('Title')
    const first = bindTitle(a)
    const second = bindTitle(b)
    first.field.select(5)
    second.field.select(0)
    first.field.type(' A')
    first.binding.input()
    second.field.type('B ')
    second.binding.input()
    syncDocs(a, b)
    syncDocs(b, a)
    expect(first.field.value).toBe('B Title A')
    expect(second.field.value).toBe('B Title A')
    expect(second.field.selectionStart).toBe(2)
  })

  it('holds a co-author’s edit during an IME composition and places the composed text through it', () => {
    const { a, b, title } = twoPages('Roundtable')
    const { field, binding } = bindTitle(a)
    field.select(10)
    binding.compositionStart()
    field.type('に')
    binding.input()
    title(b).insert(0, 'Draft: ')
    syncDocs(b, a)
    // The field is left to the IME; the text already holds the co-author's words.
    expect(field.value).toBe('Roundtableに')
    expect(readMetaField(a, 'title')).toBe('Draft: Roundtable')

    field.value = 'Roundtable日本'
    field.select(12)
    binding.compositionEnd()
    expect(readMetaField(a, 'title')).toBe('Draft: Roundtable日本')
    expect(field.value).toBe('Draft: Roundtable日本')
    expect(field.selectionStart).toBe(19)
  })

  it('never deletes a co-author’s words typed inside text the person replaces', () => {
    const { a, b, title } = twoPages('one two three')
    const { field, binding } = bindTitle(a)
    field.select(4, 7)
    binding.compositionStart()
    title(b).insert(5, 'X')
    syncDocs(b, a)
    field.type('2')
    binding.compositionEnd()
    expect(readMetaField(a, 'title')).toBe('one 2X three')
  })

  it('upgrades a layout v1 header field to a Y.Text at the first keystroke, keeping its words', () => {
    const doc = new Y.Doc()
    reportMeta(doc).set('title', 'Old title')
    const { field, binding } = bindTitle(doc)
    expect(field.value).toBe('Old title')
    expect(reportMeta(doc).get('title')).toBe('Old title')
    field.select(9)
    field.type('!')
    binding.input()
    expect(reportMeta(doc).get('title')).toBeInstanceOf(Y.Text)
    expect(readMetaField(doc, 'title')).toBe('Old title!')
    expect(field.value).toBe('Old title!')
  })

  it('follows a field whose Y.Text was replaced', () => {
    const doc = new Y.Doc()
    const { field, binding } = bindTitle(doc)
    field.type('Mine')
    binding.input()
    reportMeta(doc).set('title', new Y.Text('Theirs'))
    expect(field.value).toBe('Theirs')
    field.select(6)
    field.type('!')
    binding.input()
    expect(readMetaField(doc, 'title')).toBe('Theirs!')
  })

  it('stops following the text once destroyed', () => {
    const doc = new Y.Doc()
    const { field, binding } = bindTitle(doc)
    binding.destroy()
    metaFieldText(doc, 'title').insert(0, 'Later')
    expect(field.value).toBe('')
  })
})
