import * as Y from 'yjs'
import { InvalidUpdateError } from './InvalidUpdateError.js'

/** Where an item sits: its parent type and map key as a comparable string; 'gc' or 'unknown' if that cannot be said. */
type Placement = string

/** An id range of the update's (or the pending) structs, and where it sits. */
interface PlacedRange {
  clock: number
  end: number
  placement: Placement
  /** The item of the range (none for GC structs); `visited` once its placement is being or has been worked out. */
  item: Y.Item | null
  visited: boolean
}

/** Per client id of an update's structs (Skips aside), the clock just past its last struct. */
export type StructEnds = ReadonlyMap<number, number>

/** The id ranges of the update's and the pending structs, per client. */
type PlacedStructs = Map<number, PlacedRange[]>

/**
 * Checks, before it touches `doc`, that `update` is a Yjs (v1) update that can be integrated the same way
 * on every replica. Throws `InvalidUpdateError` otherwise. It must:
 *
 * - decode completely, structs and delete set (`Y.applyUpdate` reads the delete set while applying it, so a
 *   truncated one would fail half-way, after part of the update was integrated, relayed and stored);
 * - have no empty struct or deletion, and none reaching past the largest safe clock. No client makes them,
 *   Yjs takes them, and they poison the document: once an empty item is in it, the next client that deletes
 *   around it sends an (honest) zero-length deletion that makes Yjs throw on the server;
 * - have no item referring to a struct of its own client that cannot exist yet (its origins and parent
 *   existed before it; Yjs would fail looking for them in the middle of integrating);
 * - have no item whose left and right neighbours (`origin`, `rightOrigin`) sit in different parents or map
 *   keys. Such an item cannot come from a real edit, and where Yjs puts it depends on what else the list
 *   holds at that moment, so the server, each client and the store would each place it differently. An item
 *   the document already holds the start of is put after its own client's previous struct instead of its
 *   origin (Yjs's "offset" case), so that struct must sit in the same place too.
 *
 * `pendingStructs` (Yjs v2 encoding) are the sender's structs still waiting for others; the update may
 * complete them, so their neighbours are checked along with the update's.
 *
 * The cost is one decoding pass over the update plus two look-ups per item: proportional to the update
 * (a keystroke is a few dozen bytes), never to the document. Returns where each client's structs in it end
 * (for `ClientIdBindings`).
 */
export function validateUpdate(update: Uint8Array, doc: Y.Doc, pendingStructs: Uint8Array | null = null): StructEnds {
  let decoded: ReturnType<typeof Y.decodeUpdate>
  try {
    decoded = Y.decodeUpdate(update)
  } catch (error) {
    throw new InvalidUpdateError('The update does not decode', { cause: error })
  }
  const ends = new Map<number, number>()
  for (const struct of decoded.structs) {
    const { client, clock } = struct.id
    if (struct.length < 1) throw new InvalidUpdateError('An empty struct')
    if (clock + struct.length > Number.MAX_SAFE_INTEGER) {
      throw new InvalidUpdateError('A struct ends past the largest clock')
    }
    if (struct instanceof Y.Skip) continue
    const end = clock + struct.length
    if (end > (ends.get(client) ?? 0)) ends.set(client, end)
    if (!(struct instanceof Y.Item)) continue
    for (const reference of [struct.origin, struct.rightOrigin, struct.parent]) {
      if (reference instanceof Y.ID && reference.client === client && reference.clock >= clock) {
        throw new InvalidUpdateError('An item refers to a struct created after it')
      }
    }
  }
  const structs =
    pendingStructs === null ? decoded.structs : [...decoded.structs, ...Y.decodeUpdateV2(pendingStructs).structs]
  checkNeighbours(doc, structs)
  for (const deletions of decoded.ds.clients.values()) {
    for (const deletion of deletions) {
      if (deletion.len < 1) throw new InvalidUpdateError('An empty deletion')
      if (deletion.clock + deletion.len > Number.MAX_SAFE_INTEGER) {
        throw new InvalidUpdateError('A deletion ends past the largest clock')
      }
    }
  }
  return ends
}

/**
 * Places every item (from its explicit parent, or its neighbours in the document or among `structs`) and throws
 * if an item's two neighbours sit in different places. Items may refer to ones listed after them, so this
 * repeats until no placement changes; a neighbour nobody has sent yet stays unknown and is not compared.
 */
function checkNeighbours(doc: Y.Doc, structs: readonly (Y.Item | Y.GC | Y.Skip)[]): void {
  const placed: PlacedStructs = new Map()
  const ranges: PlacedRange[] = []
  for (const struct of structs) {
    if (struct instanceof Y.Skip) continue
    const item = struct instanceof Y.Item ? struct : null
    const range: PlacedRange = {
      clock: struct.id.clock,
      end: struct.id.clock + struct.length,
      placement: item === null ? 'gc' : 'unknown',
      item,
      visited: item === null,
    }
    if (item !== null) ranges.push(range)
    const clientRanges = placed.get(struct.id.client) ?? []
    clientRanges.push(range)
    placed.set(struct.id.client, clientRanges)
  }
  // Each client's structs come in clock order, but the pending ones are listed after the update's.
  for (const clientRanges of placed.values()) {
    if (clientRanges.some((range, i) => i > 0 && (clientRanges[i - 1] as PlacedRange).clock > range.clock)) {
      clientRanges.sort((a, b) => a.clock - b.clock)
    }
  }
  const placementOf = (id: Y.ID): Placement => placementInDocument(doc, id) ?? placementInUpdate(placed, id)?.placement ?? 'unknown'
  // Depth first: an item is placed after the items of the update it is placed by. One pass for any real update.
  for (const range of ranges) {
    if (!range.visited) placeDepthFirst(doc, placed, range, placementOf)
  }
  // Items in a cycle of references (no real edit makes one) may be placeable only now that the rest is placed.
  let unknown = ranges.filter((range) => range.placement === 'unknown')
  for (let changed = true; changed && unknown.length > 0; ) {
    changed = false
    const next: PlacedRange[] = []
    for (const range of unknown) {
      const item = range.item as Y.Item
      range.placement = placementOfItem(item, placementOf, continuedFrom(doc, item))
      if (range.placement === 'unknown') next.push(range)
      else changed = true
    }
    unknown = next
  }
}

/** Places `start` once the update's items it is placed by are placed, with an explicit stack (no recursion). */
function placeDepthFirst(
  doc: Y.Doc,
  placed: PlacedStructs,
  start: PlacedRange,
  placementOf: (id: Y.ID) => Placement,
): void {
  start.visited = true
  const stack = [start]
  while (stack.length > 0) {
    const range = stack[stack.length - 1] as PlacedRange
    const item = range.item as Y.Item
    const continued = continuedFrom(doc, item)
    let waiting = false
    for (let i = 0; i < 3; i++) {
      const id = i === 0 ? item.origin : i === 1 ? item.rightOrigin : continued
      if (id === null || id.clock < Y.getState(doc.store, id.client)) continue
      const neighbour = placementInUpdate(placed, id)
      if (neighbour === undefined || neighbour.visited) continue
      neighbour.visited = true
      stack.push(neighbour)
      waiting = true
    }
    if (waiting) continue
    range.placement = placementOfItem(item, placementOf, continued)
    stack.pop()
  }
}

/**
 * The id of the struct an item will be put after when the document already holds its start (Yjs integrates
 * only the rest, right after the client's last struct), or null.
 */
function continuedFrom(doc: Y.Doc, item: Y.Item): Y.ID | null {
  const state = Y.getState(doc.store, item.id.client)
  const isContinued = item.id.clock < state && item.id.clock + item.length > state
  return isContinued ? Y.createID(item.id.client, state - 1) : null
}

/** Where a decoded item will sit; throws if the structs it is placed by disagree. (Called for every struct of a
 * loaded document: it allocates nothing but the explicit parent's name.) */
function placementOfItem(item: Y.Item, placementOf: (id: Y.ID) => Placement, continued: Y.ID | null): Placement {
  const { parent, parentSub } = item
  let known: Placement =
    typeof parent === 'string'
      ? `root ${parent}/${parentSub ?? ''}`
      : parent instanceof Y.ID
        ? `${placementOfType(parent)}/${parentSub ?? ''}`
        : 'unknown'
  let disagree = false
  for (let i = 0; i < 3; i++) {
    const id = i === 0 ? item.origin : i === 1 ? item.rightOrigin : continued
    if (id === null) continue
    const placement = placementOf(id)
    // Next to a collected struct, Yjs collects the item too.
    if (placement === 'gc') return 'gc'
    if (placement === 'unknown') continue
    if (known === 'unknown') known = placement
    else if (known !== placement) disagree = true
  }
  if (disagree) throw new InvalidUpdateError('An item’s neighbours sit in different places')
  return known
}

function placementOfType(typeItemId: Y.ID): string {
  return `${typeItemId.client}:${typeItemId.clock}`
}

/** Where the struct with `id` sits in the document, `'gc'` if collected, or undefined if the document lacks it. */
function placementInDocument(doc: Y.Doc, id: Y.ID): Placement | undefined {
  if (id.clock >= Y.getState(doc.store, id.client)) return undefined
  const struct = Y.getItem(doc.store, id) as Y.Item | Y.GC
  if (!(struct instanceof Y.Item) || !(struct.parent instanceof Y.AbstractType)) return 'gc'
  const parent = struct.parent as Y.AbstractType<unknown>
  const parentKey = parent._item === null ? `root ${rootName(parent)}` : placementOfType(parent._item.id)
  return `${parentKey}/${struct.parentSub ?? ''}`
}

const rootNames = new WeakMap<Y.AbstractType<unknown>, string>()

/** The name of a root type (looked up once per type: finding it walks the document's root types). */
function rootName(type: Y.AbstractType<unknown>): string {
  let name = rootNames.get(type)
  if (name === undefined) {
    name = Y.findRootTypeKey(type)
    rootNames.set(type, name)
  }
  return name
}

/** The update's own struct range holding `id`, or undefined (it waits for structs nobody has sent yet). */
function placementInUpdate(placed: PlacedStructs, id: Y.ID): PlacedRange | undefined {
  const ranges = placed.get(id.client)
  if (ranges === undefined) return undefined
  // Each client's ranges are sorted by clock (see `checkNeighbours`): binary search.
  let low = 0
  let high = ranges.length - 1
  while (low <= high) {
    const middle = (low + high) >>> 1
    const range = ranges[middle] as PlacedRange
    if (id.clock < range.clock) high = middle - 1
    else if (id.clock >= range.end) low = middle + 1
    else return range
  }
  return undefined
}
