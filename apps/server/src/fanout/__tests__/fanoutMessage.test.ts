import { describe, expect, it } from 'vitest'
import { decodeFanoutMessage, encodeFanoutMessage, FANOUT_FRAME_VERSION } from '../fanoutMessage.js'

describe('fanoutMessage', () => {
  it('round-trips a message, the update bytes as they were', () => {
    const message = { instanceId: 'instance-é', epoch: 2 ** 32 - 1, seq: 70_000, update: new Uint8Array([0, 1, 2, 255]) }
    const frame = encodeFanoutMessage(message)
    expect(frame[0]).toBe(FANOUT_FRAME_VERSION)
    expect(frame.length).toBe(10 + Buffer.byteLength('instance-é') + 4)
    expect(decodeFanoutMessage(frame)).toEqual(message)
  })

  it('carries an empty update (a marker)', () => {
    const decoded = decodeFanoutMessage(encodeFanoutMessage({ instanceId: 'a', epoch: 1, seq: 9, update: new Uint8Array(0) }))
    expect(decoded.update.length).toBe(0)
    expect(decoded.seq).toBe(9)
  })

  it('refuses truncated frames, another version and ids too long to frame', () => {
    const frame = encodeFanoutMessage({ instanceId: 'abcdef', epoch: 1, seq: 1, update: new Uint8Array([0, 0]) })
    expect(() => decodeFanoutMessage(frame.subarray(0, 5))).toThrow(RangeError)
    expect(() => decodeFanoutMessage(frame.subarray(0, 12))).toThrow(/instance id/)
    const otherVersion = Buffer.from(frame)
    otherVersion[0] = FANOUT_FRAME_VERSION + 1
    expect(() => decodeFanoutMessage(otherVersion)).toThrow(/version/)
    expect(() => encodeFanoutMessage({ instanceId: 'x'.repeat(256), epoch: 1, seq: 1, update: new Uint8Array(0) })).toThrow(
      RangeError,
    )
  })
})
