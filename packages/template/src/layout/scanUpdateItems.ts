import * as Y from 'yjs'

/** One item struct of an update, where it sits in the update's bytes. */
export interface ScannedItem {
  readonly client: number
  readonly clock: number
  /** Clock units the item covers (a struct's length). */
  readonly length: number
  /** Content kind: the info byte's low five bits (1 deleted, 2 JSON, 3 binary, 4 string, 5 embed, 6 format, 7 type, 8 any, 9 doc). */
  readonly contentRef: number
  /** The map key the item was encoded with; `null` when it has an origin (the key is then implied by it). */
  readonly parentSub: string | null
  /** Byte offset of the item's info byte. */
  readonly start: number
  /** Byte offset where its content starts (after origin, right origin and parent information). */
  readonly contentStart: number
  /** Byte offset just after its content. */
  readonly end: number
}

export const contentRefDeleted = 1
export const contentRefString = 4
export const contentRefType = 7
export const contentRefAny = 8

const BITS5 = 0b11111
const HAS_ORIGIN = 0b1000_0000
const HAS_RIGHT_ORIGIN = 0b0100_0000
const HAS_PARENT_SUB = 0b0010_0000
const SKIP_INFO = 10
const XML_ELEMENT_TYPE_REF = 3
const XML_HOOK_TYPE_REF = 5

type RestDecoder = ConstructorParameters<typeof Y.UpdateDecoderV1>[0]

/** Reads one item's content; returns its length in clock units. */
function readContentLength(decoder: Y.UpdateDecoderV1, contentRef: number): number {
  switch (contentRef) {
    case 1:
      return decoder.readLen()
    case 2: {
      const count = decoder.readLen()
      for (let index = 0; index < count; index++) decoder.readString()
      return count
    }
    case 3:
      decoder.readBuf()
      return 1
    case 4:
      return decoder.readString().length
    case 5:
      decoder.readJSON()
      return 1
    case 6:
      decoder.readKey()
      decoder.readJSON()
      return 1
    case 7: {
      const typeRef = decoder.readTypeRef()
      if (typeRef === XML_ELEMENT_TYPE_REF || typeRef === XML_HOOK_TYPE_REF) decoder.readKey()
      return 1
    }
    case 8: {
      const count = decoder.readLen()
      for (let index = 0; index < count; index++) decoder.readAny()
      return count
    }
    case 9:
      decoder.readString()
      decoder.readAny()
      return 1
    default:
      throw new Error(`Unknown content type ${contentRef} in update`)
  }
}

/**
 * The item structs of a Yjs v1 update (`Y.encodeStateAsUpdate`, a doc's `update` event), in order, with their ids
 * and byte offsets; GC and skip structs are read past. `Y.decodeUpdate` gives the structs but not where they sit,
 * and re-encoding its items is not byte-identical (an item with an origin loses its "has a map key" bit), so
 * `rewriteUpdateItems` splices the original bytes instead. Throws on a truncated or unknown struct.
 */
export function scanUpdateItems(update: Uint8Array): ScannedItem[] {
  // lib0's decoder is a plain `{ arr, pos }` reader; this package depends on yjs only.
  const rest = { arr: update, pos: 0 } as unknown as RestDecoder & { pos: number }
  const decoder = new Y.UpdateDecoderV1(rest)
  const items: ScannedItem[] = []
  const clientCount = decoder.readLen()
  for (let clientIndex = 0; clientIndex < clientCount; clientIndex++) {
    const structCount = decoder.readLen()
    const client = decoder.readClient()
    let clock = decoder.readLen()
    for (let structIndex = 0; structIndex < structCount; structIndex++) {
      const start = rest.pos
      const info = decoder.readInfo()
      const contentRef = info & BITS5
      if (info === SKIP_INFO || contentRef === 0) {
        // A skip (info 10) or a GC struct (content 0): only a length follows.
        clock += decoder.readLen()
        continue
      }
      if ((info & HAS_ORIGIN) !== 0) decoder.readLeftID()
      if ((info & HAS_RIGHT_ORIGIN) !== 0) decoder.readRightID()
      let parentSub: string | null = null
      if ((info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0) {
        if (decoder.readParentInfo()) decoder.readString()
        else decoder.readLeftID()
        if ((info & HAS_PARENT_SUB) !== 0) parentSub = decoder.readString()
      }
      const contentStart = rest.pos
      const length = readContentLength(decoder, contentRef)
      if (rest.pos > update.length) throw new Error('Truncated update')
      items.push({ client, clock, length, contentRef, parentSub, start, contentStart, end: rest.pos })
      clock += length
    }
  }
  if (rest.pos > update.length) throw new Error('Truncated update')
  return items
}
