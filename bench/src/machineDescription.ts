import { cpus } from 'node:os'

/** `2 cores, <CPU model>, Node v20…`: the line the report and docs/PERFORMANCE.md start with. */
export function machineDescription(): string {
  const model = cpus()[0]?.model ?? 'unknown CPU'
  return `${cpus().length} cores, ${model.trim()}, Node ${process.version}`
}
