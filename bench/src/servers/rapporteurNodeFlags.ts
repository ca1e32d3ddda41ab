import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** The server package's manifest: its `start` script says how Rapporteur is run. */
export const serverPackagePath = fileURLToPath(new URL('../../../apps/server/package.json', import.meta.url))

/** The node flags of a `start` script (`node --flag … dist/main.js`): the arguments before the script. */
export function nodeFlagsOf(startScript: string): string[] {
  const words = startScript.trim().split(/\s+/)
  const node = words.lastIndexOf('node')
  if (node === -1) throw new Error(`not a node start script: ${startScript}`)
  return words.slice(node + 1).filter((word) => word.startsWith('--'))
}

/** The flags Rapporteur's own `start` script gives node, so the bench runs the server as `pnpm start` does. */
export function rapporteurNodeFlags(): string[] {
  const manifest = JSON.parse(readFileSync(serverPackagePath, 'utf8')) as { scripts?: { start?: string } }
  const start = manifest.scripts?.start
  if (start === undefined) throw new Error(`${serverPackagePath} has no start script`)
  return nodeFlagsOf(start)
}
