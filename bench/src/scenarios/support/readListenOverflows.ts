import { readFileSync } from 'node:fs'

/**
 * The kernel's count of connections dropped because a listen queue was full (`TcpExt ListenOverflows` of
 * `/proc/net/netstat`, machine-wide; NaN where it cannot be read). Each such client waits for a SYN
 * retransmission (1 s, then 3 s, 7 s…), which dominates the time of a connection storm.
 */
export function readListenOverflows(): number {
  try {
    const lines = readFileSync('/proc/net/netstat', 'utf8').split('\n').filter((line) => line.startsWith('TcpExt:'))
    const names = lines[0]?.split(/\s+/) ?? []
    const values = lines[1]?.split(/\s+/) ?? []
    const index = names.indexOf('ListenOverflows')
    return index < 0 ? Number.NaN : Number(values[index])
  } catch {
    return Number.NaN
  }
}
