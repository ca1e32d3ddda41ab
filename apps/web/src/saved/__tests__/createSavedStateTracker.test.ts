import { describe, expect, it, vi } from 'vitest'
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

  it('keeps changes restored from an earlier page until a save request after the sync covers them', () => {
    const doc = new Y.Doc()
    const requested: number[] = []
    const tracker = createSavedStateTracker(doc, {
      remoteOrigins: [],
      restored: [{ client: 42, clock: 7 }],
      requestSave: (seq) => requested.push(seq),
    })
    expect(tracker.getState()).toEqual({ kind: 'unsaved', pending: 1 })
    // The state vector cannot vouch for it: the restored change may have deleted text only.
    tracker.acknowledge(new Map([[42, 7]]))
    expect(tracker.getState()).toEqual({ kind: 'unsaved', pending: 1 })
    tracker.requestPendingSave()
    expect(requested).toEqual([1])
    tracker.acknowledgeThrough(1)
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

  it('keeps a delete-only change unsaved after a SAVED state vector until SAVED_THROUGH covers it', () => {
    const { doc, tracker, type } = trackedDoc()
    type('Hello world') // seq 1
    tracker.acknowledge(Y.decodeStateVector(Y.encodeStateVector(doc)))
    expect(tracker.getState()).toEqual({ kind: 'saved', pending: 0 })

    doc.getText('body').delete(5, 6) // seq 2: the clock does not move
    expect(tracker.getState()).toEqual({ kind: 'unsaved', pending: 1 })
    tracker.acknowledge(Y.decodeStateVector(Y.encodeStateVector(doc)))
    expect(tracker.getState()).toEqual({ kind: 'unsaved', pending: 1 })
    tracker.acknowledgeThrough(1)
    expect(tracker.getState()).toEqual({ kind: 'unsaved', pending: 1 })
    tracker.acknowledgeThrough(2)
    expect(tracker.getState()).toEqual({ kind: 'saved', pending: 0 })
  })

  it('counts changes up to SAVED_THROUGH as saved, later ones not', () => {
    const { tracker, type } = trackedDoc()
    type('a') // seq 1
    type('b') // seq 2
    type('c') // seq 3
    tracker.acknowledgeThrough(2)
    expect(tracker.getState()).toEqual({ kind: 'unsaved', pending: 1 })
    tracker.acknowledgeThrough(1) // a late, older answer changes nothing
    expect(tracker.getState()).toEqual({ kind: 'unsaved', pending: 1 })
    tracker.acknowledgeThrough(3)
    expect(tracker.getState()).toEqual({ kind: 'saved', pending: 0 })
  })

  it('asks once for a burst of local changes, with the latest seq, and again on request while unsaved', async () => {
    vi.useFakeTimers()
    try {
      const doc = new Y.Doc()
      const requested: number[] = []
      const tracker = createSavedStateTracker(doc, { remoteOrigins: [REMOTE], requestSave: (seq) => requested.push(seq) })
      const body = doc.getText('body')
      body.insert(0, 'abc')
      body.insert(3, 'def')
      body.delete(0, 1)
      expect(requested).toEqual([])
      await vi.runAllTimersAsync()
      expect(requested).toEqual([3])

      // After a (re)sync: whatever still waits is asked for again.
      tracker.requestPendingSave()
      expect(requested).toEqual([3, 3])
      tracker.acknowledgeThrough(3)
      tracker.requestPendingSave()
      expect(requested).toEqual([3, 3])
      tracker.dispose()
    } finally {
      vi.useRealTimers()
    }
  })
})
