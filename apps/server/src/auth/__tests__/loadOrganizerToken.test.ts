import { readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTempDir } from '../../__tests__/testServer.js'
import { ADMIN_TOKEN_FILE, loadOrganizerToken } from '../loadOrganizerToken.js'

describe('loadOrganizerToken', () => {
  let temp: ReturnType<typeof createTempDir>

  beforeEach(() => {
    temp = createTempDir('rapporteur-organizer-')
  })

  afterEach(() => {
    temp.remove()
  })

  it('generates a token once, into a file only its owner can read, then keeps using it', () => {
    const first = loadOrganizerToken({ dataDir: temp.dir })
    expect(first.generated).toBe(true)
    const file = path.join(temp.dir, ADMIN_TOKEN_FILE)
    expect(readFileSync(file, 'utf8')).toBe(`${first.token}\n`)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(loadOrganizerToken({ dataDir: temp.dir })).toEqual({ token: first.token, generated: false })
  })

  it('uses ADMIN_TOKEN when given, without touching the file', () => {
    writeFileSync(path.join(temp.dir, ADMIN_TOKEN_FILE), 'rpo_a-token-kept-in-the-file-0000\n')
    expect(loadOrganizerToken({ dataDir: temp.dir, adminToken: 'x'.repeat(24) })).toEqual({ token: 'x'.repeat(24), generated: false })
    expect(loadOrganizerToken({ dataDir: temp.dir })).toEqual({ token: 'rpo_a-token-kept-in-the-file-0000', generated: false })
  })

  it('refuses a file that does not hold a token', () => {
    writeFileSync(path.join(temp.dir, ADMIN_TOKEN_FILE), 'short\n')
    expect(() => loadOrganizerToken({ dataDir: temp.dir })).toThrow(/does not hold an organizer token/)
  })
})
