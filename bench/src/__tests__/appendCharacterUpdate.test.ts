import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { appendCharacterUpdate } from '../load/appendCharacterUpdate.js'

describe('appendCharacterUpdate', () => {
  it('makes the bytes Y.Text makes when a client appends after its own last character', () => {
    const doc = new Y.Doc()
    doc.clientID = 7
    const paragraph = new Y.XmlElement('paragraph')
    const inner = new Y.XmlText()
    doc.getXmlFragment('summary').insert(0, [paragraph])
    paragraph.insert(0, [inner])
    inner.insert(0, 'a')
    let made: Uint8Array | null = null
    doc.on('update', (update: Uint8Array) => (made = update))
    const clock = Y.getState(doc.store, 7)
    inner.insert(inner.length, 'b')
    expect(made).toEqual(appendCharacterUpdate(7, clock, 'b'))
  })

  it('builds the same text as typing into a Y.Doc, on a replica that applies the updates', () => {
    const typist = new Y.Doc()
    typist.clientID = 300
    const replica = new Y.Doc()
    typist.on('update', (update: Uint8Array) => Y.applyUpdate(replica, update))
    const paragraph = new Y.XmlElement('paragraph')
    const inner = new Y.XmlText()
    typist.getXmlFragment('challenges').insert(0, [paragraph])
    paragraph.insert(0, [inner])
    inner.insert(0, 'x')
    let clock = Y.getState(typist.store, 300)
    for (const character of 'yz€é') {
      Y.applyUpdate(replica, appendCharacterUpdate(300, clock, character))
      clock += character.length
    }
    expect(replica.getXmlFragment('challenges').toString()).toBe('<paragraph>xyz€é</paragraph>')
    expect(Y.getState(replica.store, 300)).toBe(clock)
  })

  it('refuses a first character (it would need the parent, not an origin)', () => {
    expect(() => appendCharacterUpdate(1, 0, 'a')).toThrow(/previous character/)
  })
})
