import { describe, expect, it } from 'vitest'
import { rateLimitKey } from '../rateLimitKey.js'

describe('rateLimitKey', () => {
  it('counts IPv4 addresses one by one and IPv6 addresses by /64', () => {
    expect(rateLimitKey('192.0.2.7')).toBe('192.0.2.7')
    expect(rateLimitKey('::ffff:192.0.2.7')).toBe('192.0.2.7')
    expect(rateLimitKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64')
    expect(rateLimitKey('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64')
    expect(rateLimitKey('2001:0db8:0001:0002::9')).toBe('2001:db8:1:2::/64')
    expect(rateLimitKey('::1')).toBe('0:0:0:0::/64')
    expect(rateLimitKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64')
    expect(rateLimitKey(undefined)).toBe('unknown')
  })
})
