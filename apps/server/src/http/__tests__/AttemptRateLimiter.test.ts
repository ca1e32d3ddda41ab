import { describe, expect, it } from 'vitest'
import { AttemptRateLimiter } from '../AttemptRateLimiter.js'

describe('AttemptRateLimiter', () => {
  it('allows perMinute attempts at once per key, then one more per 60 s / perMinute', () => {
    let now = 0
    const limiter = new AttemptRateLimiter({ perMinute: 3, now: () => now })
    expect([1, 2, 3, 4].map(() => limiter.tryAttempt('a'))).toEqual([true, true, true, false])
    expect(limiter.tryAttempt('b')).toBe(true)
    now = 19_999
    expect(limiter.tryAttempt('a')).toBe(false)
    now = 20_000
    expect(limiter.tryAttempt('a')).toBe(true)
    expect(limiter.tryAttempt('a')).toBe(false)
  })

  it('keeps counting refused attempts against the key', () => {
    let now = 0
    const limiter = new AttemptRateLimiter({ perMinute: 1, now: () => now })
    expect(limiter.tryAttempt('a')).toBe(true)
    now = 59_000
    expect(limiter.tryAttempt('a')).toBe(false)
    now = 60_000
    expect(limiter.tryAttempt('a')).toBe(true)
  })

  it('forgets keys whose bucket is full again, and never tracks more than maxKeys', () => {
    let now = 0
    const limiter = new AttemptRateLimiter({ perMinute: 2, maxKeys: 100, now: () => now })
    for (let index = 0; index < 1000; index++) limiter.tryAttempt(`address-${index}`)
    expect(limiter.size).toBe(100)
    now = 61_000
    limiter.tryAttempt('late')
    expect(limiter.size).toBe(1)
  })
})
