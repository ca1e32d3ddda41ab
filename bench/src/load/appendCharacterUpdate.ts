import * as encoding from 'lib0/encoding'

/** Yjs's content reference of a string (`ContentString`). */
const CONTENT_STRING = 4
/** Item info bit: the item has a left origin. */
const HAS_ORIGIN = 0b1000_0000

/**
 * The Yjs update (v1 encoding) that appends `character` right after the item `(client, clock - 1)`: one item
 * at `(client, clock)` whose left origin is the client's previous character and with no right origin — what
 * `Y.Text.insert(text.length, character)` makes when the client's last character ends the text. Encoded by
 * hand so a typist types without a Y.Doc transaction per keystroke (a transaction allocates a dozen maps and
 * sets; at 5,000 keystrokes a second they were most of what the generator's garbage collector had to move).
 */
export function appendCharacterUpdate(client: number, clock: number, character: string): Uint8Array {
  if (clock < 1) throw new Error('appendCharacterUpdate needs a previous character to follow')
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1) // clients with structs
  encoding.writeVarUint(encoder, 1) // structs of this client
  encoding.writeVarUint(encoder, client)
  encoding.writeVarUint(encoder, clock)
  encoding.writeUint8(encoder, HAS_ORIGIN | CONTENT_STRING)
  encoding.writeVarUint(encoder, client) // left origin
  encoding.writeVarUint(encoder, clock - 1)
  encoding.writeVarString(encoder, character)
  encoding.writeVarUint(encoder, 0) // empty delete set
  return encoding.toUint8Array(encoder)
}
