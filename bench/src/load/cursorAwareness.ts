import * as encoding from 'lib0/encoding'

/** Stands for the cursor's clock in the state's JSON text, replaced per keystroke. */
const CLOCK_MARK = -123_456_789

/**
 * Awareness updates (the format of y-protocols' `encodeAwarenessUpdate`) for one client: its user, role, section
 * and a cursor (Yjs relative positions, as y-prosemirror shares them) after `(client, clock)`. Built by hand so a
 * typist needs no Awareness instance; the state's JSON text is made once and only the cursor's clock changes per
 * keystroke (a typist sends one with every letter in S1/S1+).
 */
export function cursorAwareness(clientId: number, name: string, section: string): (awarenessClock: number, cursorClock: number) => Uint8Array {
  const position = { type: null, tname: null, item: { client: clientId, clock: CLOCK_MARK }, assoc: 0 }
  const state = { user: { name, color: '#3366cc' }, role: 'rapporteur', section, cursor: { anchor: position, head: position } }
  const [before, between, after] = JSON.stringify(state).split(String(CLOCK_MARK)) as [string, string, string]
  return (awarenessClock, cursorClock) => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, awarenessClock)
    encoding.writeVarString(encoder, `${before}${cursorClock}${between}${cursorClock}${after}`)
    return encoding.toUint8Array(encoder)
  }
}
