import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/**
 * The reviewed golden text at `path`. With `UPDATE_GOLDEN=1` the file is (re)written from `actual` first, to be
 * reviewed line by line before it is kept; otherwise it is only read, and a missing golden fails the test.
 */
export function readGolden(path: string, actual: string): string {
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, actual)
  }
  if (!existsSync(path)) throw new Error(`No golden file ${path}: run the test with UPDATE_GOLDEN=1 and review it`)
  return readFileSync(path, 'utf8')
}
