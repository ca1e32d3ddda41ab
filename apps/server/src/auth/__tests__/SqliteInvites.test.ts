import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Database } from 'better-sqlite3'
import { createTempDir } from '../../__tests__/testServer.js'
import { SqliteCatalog } from '../../storage/SqliteCatalog.js'
import { openDatabase } from '../../storage/openDatabase.js'
import { hashToken } from '../hashToken.js'
import { SqliteInvites } from '../SqliteInvites.js'
import path from 'node:path'

describe('SqliteInvites', () => {
  let temp: ReturnType<typeof createTempDir>
  let db: Database
  let invites: SqliteInvites
  let eventId: string
  let roundtableId: string
  let clock: Date

  beforeEach(() => {
    temp = createTempDir('rapporteur-invites-')
    db = openDatabase(path.join(temp.dir, 'rapporteur.db'))
    const catalog = new SqliteCatalog(db)
    clock = new Date('2030-01-01T00:00:00.000Z')
    invites = new SqliteInvites(db, { now: () => clock })
    eventId = catalog.createEvent({ title: 'Forum', closingAt: '2030-02-01T00:00:00.000Z' }).id
    roundtableId = catalog.createRoundtable({ eventId, title: 'Ports', templateId: 'roundtable-report' }).id
  })

  afterEach(() => {
    db.close()
    temp.remove()
  })

  it('creates invites, keeping only the hash of their token', () => {
    const { invite, token } = invites.create({ role: 'viewer', eventId, roundtableId, label: 'Press', expiresAt: '2030-03-01T00:00:00.000Z' })
    expect(invite).toEqual({
      id: expect.stringMatching(/^[a-z0-9]{12}$/),
      role: 'viewer',
      eventId,
      roundtableId,
      label: 'Press',
      createdAt: '2030-01-01T00:00:00.000Z',
      expiresAt: '2030-03-01T00:00:00.000Z',
      revokedAt: null,
    })
    expect(invites.get(invite.id)).toEqual(invite)
    expect(invites.findByTokenHash(hashToken(token))).toEqual(invite)
    expect(invites.findByTokenHash(token)).toBeUndefined()
    const stored = JSON.stringify(db.prepare('SELECT * FROM invites').all())
    expect(stored).not.toContain(token)
    expect(stored).toContain(hashToken(token))
  })

  it('lists a roundtable\'s invites and an event\'s chair invites apart, in creation order', () => {
    const expiresAt = '2030-03-01T00:00:00.000Z'
    const rapporteur = invites.create({ role: 'rapporteur', eventId, roundtableId, label: null, expiresAt }).invite
    const chair = invites.create({ role: 'chair', eventId, roundtableId: null, label: null, expiresAt }).invite
    const viewer = invites.create({ role: 'viewer', eventId, roundtableId, label: null, expiresAt }).invite
    expect(invites.listForRoundtable(roundtableId)).toEqual([rapporteur, viewer])
    expect(invites.listForEvent(eventId)).toEqual([chair])
    expect(invites.listForRoundtable('nosuchround0')).toEqual([])
  })

  it('revokes once, keeping the first time; unknown ids give undefined', () => {
    const { invite } = invites.create({ role: 'chair', eventId, roundtableId: null, label: null, expiresAt: '2030-03-01T00:00:00.000Z' })
    clock = new Date('2030-01-02T00:00:00.000Z')
    expect(invites.revoke(invite.id)?.revokedAt).toBe('2030-01-02T00:00:00.000Z')
    clock = new Date('2030-01-03T00:00:00.000Z')
    expect(invites.revoke(invite.id)?.revokedAt).toBe('2030-01-02T00:00:00.000Z')
    expect(invites.revoke('nosuchinvit0')).toBeUndefined()
  })

  it('refuses invites of unknown events', () => {
    expect(() =>
      invites.create({ role: 'chair', eventId: 'nosuchevent0', roundtableId: null, label: null, expiresAt: '2030-03-01T00:00:00.000Z' }),
    ).toThrow(/FOREIGN KEY/)
  })
})
