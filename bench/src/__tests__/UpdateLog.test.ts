import { describe, expect, it } from 'vitest'
import { UpdateLog } from '../load/UpdateLog.js'

describe('UpdateLog', () => {
  it('gives back every update in order, byte for byte, across growth', () => {
    const log = new UpdateLog()
    const kept: Uint8Array[] = []
    for (let index = 0; index < 3_000; index += 1) {
      const update = Uint8Array.from({ length: (index * 7) % 40 }, (_, at) => (index + at) % 256)
      kept.push(update)
      log.append(update)
      update.fill(0) // the log holds a copy, not the caller's buffer
    }
    expect(log.count).toBe(3_000)
    const read = [...log]
    expect(read.map((update) => update.byteLength)).toEqual(kept.map((update) => update.byteLength))
    expect(read[2_999]).toEqual(Uint8Array.from({ length: (2_999 * 7) % 40 }, (_, at) => (2_999 + at) % 256))
  })

  it('takes an update larger than twice its buffer', () => {
    const log = new UpdateLog()
    log.append(new Uint8Array(100_000).fill(3))
    log.append(Uint8Array.of(1, 2))
    expect([...log].map((update) => update.byteLength)).toEqual([100_000, 2])
  })
})
