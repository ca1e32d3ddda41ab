import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { nodeFlagsOf, rapporteurNodeFlags } from '../servers/rapporteurNodeFlags.js'

const rootPackagePath = fileURLToPath(new URL('../../../package.json', import.meta.url))

describe("Rapporteur's node flags", () => {
  it('are read from a start script', () => {
    expect(nodeFlagsOf('node --initial-old-space-size=512 --no-warnings dist/main.js')).toEqual([
      '--initial-old-space-size=512',
      '--no-warnings',
    ])
    expect(nodeFlagsOf('turbo run build && node apps/server/dist/main.js')).toEqual([])
    expect(() => nodeFlagsOf('tsx src/main.ts')).toThrow(/not a node start script/)
  })

  it("are the same in the server's start script (what the bench runs) and the quick start's", () => {
    const root = JSON.parse(readFileSync(rootPackagePath, 'utf8')) as { scripts: { start: string } }
    expect(rapporteurNodeFlags()).toContain('--initial-old-space-size=512')
    expect(nodeFlagsOf(root.scripts.start)).toEqual(rapporteurNodeFlags())
  })
})
