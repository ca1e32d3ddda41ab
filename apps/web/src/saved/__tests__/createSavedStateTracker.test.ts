import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createSavedStateTracker } from '../createSavedStateTracker'

const REMOTE = Symbol('provider')

/** A document with a tracker that treats `REMOTE` as the provider's origin. */
function trackedDoc() {
  const doc = new Y.Doc()
  const tracker = createSavedStateTracker(doc, { remoteOrigins: [REMOTE] })
  const type = (text: string) => doc.getText('body').insert(doc.getText('body').length, text)
  return { doc, tracker, type }
}

describe('createSavedStateTracker', () => {
  it('starts saved and counts each local transaction as one unsaved change', () => {
    const { tracker, type } = trackedDoc()
    expect(tracker.getState()).toEqual({ kind: 'saved', pending: 0 })
    type('Hello')
    type(' world')
    expect(tracker.getState()).toEqual({ kind: 'unsaved', pending: 2 })
  })

  it('is saved only once the acknowledged clock covers every local change', () => {
    const { doc, tracker, type } = trackedDoc()
    type('Hello') // clock 5
    const afterFirst = Y.encodeStateVector(doc)
    type(' world') // clock 11
    tracker.acknowledge(Y.decodeStateVector(afterFirst))
    expect(tracker.getState()).toEqual({ kind: 'unsaved', pending: 1 })
    tracker.acknowledge(Y.decodeStateVector(Y.encodeStateVector(doc)))
    expect(tracker.getState()).toEqual({ kind: 'saved', pending: 0 })
  })

  it('ignores another client’s clock in the state vector', () => {
    const { doc, tracker, type } = trackedDoc()
    type('Hello')
    tracker.acknowledge(new Map([[doc.clientID + 1, 1_000]]))
    expect(tracker.getState()).toEqual({ kind: 'unsaved', pending: 1 })
  })

  it('does not count updates that come from the provider', () => {
    const { doc, tracker } = trackedDoc()
    const other = new Y.Doc()
    other.getText('body').insert(0, 'from a co-author')
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), REMOTE)
    expect(tracker.getState()).toEqual({ kind: 'saved', pending: 0 })
    expect(doc.getText('body').toString()).toBe('from a co-author')
  })

  it('reports failing storage until the next acknowledgement', () => {
    const { doc, tracker, type } = trackedDoc()
    type('Hello')
    tracker.reportFailing('disk full')
    expect(tracker.getState()).toEqual({ kind: 'failing', pending: 1 })
    expect(tracker.failingReason()).toBe('disk full')
    type('!')
    expect(tracker.getState()).toEqual({ kind: 'failing', pending: 2 })
    tracker.acknowledge(Y.decodeStateVector(Y.encodeStateVector(doc)))
    expect(tracker.getState()).toEqual({ kind: 'saved', pending: 0 })
    expect(tracker.failingReason()).toBeNull()
  })

  it('keeps changes restored from an earlier page until their own client is acknowledged', () => {
    const doc = new Y.Doc()
    const tracker = createSavedStateTracker(doc, { remoteOrigins: [], restored: [{ client: 42, clock: 7 }] })
    expect(tracker.getState()).toEqual({ kind: 'unsaved', pending: 1 })
    tracker.acknowledge(new Map([[42, 6]]))
    expect(tracker.getState().kind).toBe('unsaved')
    tracker.acknowledge(new Map([[42, 7]]))
    expect(tracker.getState()).toEqual({ kind: 'saved', pending: 0 })
  })

  it('notifies subscribers on changes and stops counting once disposed', () => {
    const { doc, tracker, type } = trackedDoc()
    let calls = 0
    const unsubscribe = tracker.subscribe(() => calls++)
    type('a')
    tracker.acknowledge(Y.decodeStateVector(Y.encodeStateVector(doc)))
    expect(calls).toBe(2)
    unsubscribe()
    tracker.dispose()
    type('b')
    expect(tracker.getState()).toEqual({ kind: 'saved', pending: 0 })
  })
})
