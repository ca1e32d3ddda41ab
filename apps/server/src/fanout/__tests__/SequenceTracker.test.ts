import { describe, expect, it } from 'vitest'
import { SequenceTracker } from '../SequenceTracker.js'

describe('SequenceTracker', () => {
  it('takes a sender first seen as the baseline, then wants each next seq', () => {
    const tracker = new SequenceTracker()
    expect(tracker.observe('doc', 'a', 7, 40)).toBe(false)
    expect(tracker.observe('doc', 'a', 7, 41)).toBe(false)
    expect(tracker.observe('doc', 'a', 7, 43)).toBe(true)
    expect(tracker.observe('doc', 'a', 7, 44)).toBe(false)
  })

  it('keeps senders and documents apart', () => {
    const tracker = new SequenceTracker()
    tracker.observe('doc', 'a', 1, 1)
    expect(tracker.observe('doc', 'b', 1, 5)).toBe(false)
    expect(tracker.observe('other', 'a', 1, 9)).toBe(false)
    expect(tracker.observe('doc', 'a', 1, 2)).toBe(false)
  })

  it('wants a new epoch (the sender reopened the document) to start at 1', () => {
    const tracker = new SequenceTracker()
    tracker.observe('doc', 'a', 1, 10)
    expect(tracker.observe('doc', 'a', 2, 1)).toBe(false)
    expect(tracker.observe('doc', 'a', 3, 4)).toBe(true)
    expect(tracker.observe('doc', 'a', 3, 5)).toBe(false)
  })

  it('counts a repeated or older seq as missed (a catch-up is harmless), keeping the highest', () => {
    const tracker = new SequenceTracker()
    tracker.observe('doc', 'a', 1, 5)
    expect(tracker.observe('doc', 'a', 1, 3)).toBe(true)
    expect(tracker.observe('doc', 'a', 1, 6)).toBe(false)
  })

  it('starts again from a baseline once the document was forgotten', () => {
    const tracker = new SequenceTracker()
    tracker.observe('doc', 'a', 1, 5)
    tracker.forget('doc')
    expect(tracker.observe('doc', 'a', 1, 50)).toBe(false)
  })
})
