import * as encoding from 'lib0/encoding'

/**
 * An awareness update (the format of y-protocols' `encodeAwarenessUpdate`) for one client: its user, role,
 * section and a cursor (Yjs relative positions, as y-prosemirror shares them) after `(client, clock)`. Built
 * by hand so a typist needs no Awareness instance.
 */
export function cursorAwareness(
  clientId: number,
  awarenessClock: number,
  name: string,
  section: string,
  cursorClock: number,
): Uint8Array {
  const position = { type: null, tname: null, item: { client: clientId, clock: cursorClock }, assoc: 0 }
  const state = {
    user: { name, color: '#3366cc' },
    role: 'rapporteur',
    section,
    cursor: { anchor: position, head: position },
  }
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint(encoder, clientId)
  encoding.writeVarUint(encoder, awarenessClock)
  encoding.writeVarString(encoder, JSON.stringify(state))
  return encoding.toUint8Array(encoder)
}
