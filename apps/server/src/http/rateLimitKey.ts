import { isIPv4, isIPv6 } from 'node:net'

/**
 * The key connection attempts from `address` are counted under: an IPv4 address as it is (IPv4-mapped IPv6
 * addresses included), an IPv6 address by its /64 network — one host usually holds a whole /64, so counting
 * single IPv6 addresses would let it dodge the limit.
 */
export function rateLimitKey(address: string | undefined): string {
  if (address === undefined || address === '') return 'unknown'
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped?.[1] !== undefined) return mapped[1]
  if (isIPv4(address) || !isIPv6(address)) return address
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`
}

/** The eight 16-bit groups of an IPv6 address, as lower-case hex without leading zeros. */
function expandIPv6(address: string): string[] {
  const withoutZone = address.split('%')[0] ?? address
  const [head = '', tail] = withoutZone.split('::')
  const headGroups = head === '' ? [] : head.split(':')
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':')
  const missing = tail === undefined ? 0 : 8 - headGroups.length - tailGroups.length
  return [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups].map((group) =>
    group.includes('.') ? group : Number.parseInt(group, 16).toString(16),
  )
}
