import { describe, expect, it } from 'vitest'
import { canRead } from '../canRead.js'
import { canReadEvent } from '../canReadEvent.js'
import { canWrite } from '../canWrite.js'
import { isOrganizer } from '../isOrganizer.js'
import type { Principal } from '../Principal.js'

const roundtable = { id: 'roundtable01', eventId: 'event0000001' }
const sibling = { id: 'roundtable02', eventId: 'event0000001' }
const elsewhere = { id: 'roundtable03', eventId: 'event0000002' }

const organizer: Principal = { role: 'organizer' }
const rapporteur: Principal = { role: 'rapporteur', eventId: 'event0000001', roundtableId: 'roundtable01', inviteId: 'i1' }
const viewer: Principal = { role: 'viewer', eventId: 'event0000001', roundtableId: 'roundtable01', inviteId: 'i2' }
const chair: Principal = { role: 'chair', eventId: 'event0000001', inviteId: 'i3' }

describe('access rules', () => {
  it.each([
    ['organizer', organizer, [true, true, true], [true, true, true], [true, true]],
    ['rapporteur', rapporteur, [true, false, false], [true, false, false], [false, false]],
    ['viewer', viewer, [true, false, false], [false, false, false], [false, false]],
    ['chair', chair, [true, true, false], [false, false, false], [true, false]],
  ] as const)('%s: read, write and event access', (_name, principal, reads, writes, events) => {
    expect([roundtable, sibling, elsewhere].map((target) => canRead(principal, target))).toEqual(reads)
    expect([roundtable, sibling, elsewhere].map((target) => canWrite(principal, target))).toEqual(writes)
    expect(['event0000001', 'event0000002'].map((eventId) => canReadEvent(principal, eventId))).toEqual(events)
    expect(isOrganizer(principal)).toBe(principal === organizer)
  })
})
