import * as encoding from 'lib0/encoding'

const contentString = 4
const hasOrigin = 0x80
const hasRightOrigin = 0x40

export interface CraftedItem {
  client: number
  clock: number
  origin?: [number, number]
  rightOrigin?: [number, number]
  /** The root type, for an item without neighbours. */
  root?: string
  text: string
}

/** A one-struct-per-client Yjs v1 update written by hand, to say things a real client never would. */
export function craftUpdate(items: CraftedItem[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, items.length)
  for (const item of items) {
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint(encoder, item.client)
    encoding.writeVarUint(encoder, item.clock)
    let info = contentString
    if (item.origin !== undefined) info |= hasOrigin
    if (item.rightOrigin !== undefined) info |= hasRightOrigin
    encoding.writeUint8(encoder, info)
    for (const id of [item.origin, item.rightOrigin]) {
      if (id === undefined) continue
      encoding.writeVarUint(encoder, id[0])
      encoding.writeVarUint(encoder, id[1])
    }
    if (item.origin === undefined && item.rightOrigin === undefined) {
      encoding.writeVarUint(encoder, 1)
      encoding.writeVarString(encoder, item.root ?? 'a')
    }
    encoding.writeVarString(encoder, item.text)
  }
  encoding.writeVarUint(encoder, 0)
  return encoding.toUint8Array(encoder)
}
