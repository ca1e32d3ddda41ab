import { readFileSync } from 'node:fs'
import type { ProcessSample } from './ServerUnderTest.js'

/** Clock ticks per second of `/proc/<pid>/stat` times (USER_HZ: 100 on every Linux the bench runs on). */
const TICKS_PER_SECOND = 100

/** RSS and CPU time of a process from `/proc` (zeros when the process is gone). */
export function readProcessSample(pid: number): ProcessSample {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const rssKb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0)
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the command name (which may contain spaces) start at field 3; utime is 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0)
    return { rssBytes: rssKb * 1024, cpuMs: (ticks * 1000) / TICKS_PER_SECOND }
  } catch {
    return { rssBytes: 0, cpuMs: 0 }
  }
}
